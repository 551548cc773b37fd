package vn.xaso.meetings;

/**
 * Something the room display shows changed in a meeting: it opened or closed, the current item, a speaker's turn, a
 * vote opened or closed, someone checked in. The display pages listening (server-sent events) reload their content.
 */
public record MeetingStageChanged(String unitCode, long meetingId) {
}
