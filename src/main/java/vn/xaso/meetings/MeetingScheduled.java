package vn.xaso.meetings;

/** A meeting was scheduled (a draft). */
public record MeetingScheduled(String unitCode, long meetingId, String title, java.time.Instant startsAt) {
}
