package vn.xaso.meetings;

/** The invitations of a meeting went out (notify, and the Giấy mời drafted in documents). */
public record InvitationsSent(String unitCode, long meetingId, int invitees, @org.jspecify.annotations.Nullable Long invitationDocumentId) {
}
