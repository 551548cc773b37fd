package vn.xaso.meetings;

/** The chair opened the meeting. */
public record MeetingOpened(String unitCode, long meetingId, int present, int members) {
}
