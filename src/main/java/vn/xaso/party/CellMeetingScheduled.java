package vn.xaso.party;

/** A cell meeting was scheduled (its contents stay in the module). */
public record CellMeetingScheduled(String unitCode, long cellId, long meetingId, java.time.Instant startsAt) {
}
