package vn.xaso.meetings;

/** The invitations of a meeting went out: the Giấy mời released with its number in documents, then a message per invitee. */
public record InvitationsSent(String unitCode, long meetingId, int invitees, @org.jspecify.annotations.Nullable Long invitationDocumentId) {
}
