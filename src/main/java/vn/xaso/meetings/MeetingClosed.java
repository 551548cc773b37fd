package vn.xaso.meetings;

/** The meeting was closed; nothing more is voted. */
public record MeetingClosed(String unitCode, long meetingId) {
}
