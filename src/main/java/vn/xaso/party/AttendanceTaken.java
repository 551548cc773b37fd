package vn.xaso.party;

/** The secretary marked a member present or absent at a cell meeting. */
public record AttendanceTaken(String unitCode, long meetingId, long memberId, boolean present) {
}
