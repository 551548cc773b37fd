package vn.xaso.meetings;

/** The chair or the secretary signed the minutes; complete when both have. */
public record MinutesSigned(String unitCode, long meetingId, String signer, boolean complete) {
}
