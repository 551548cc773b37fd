package vn.xaso.feedback;

/** Someone sent a report (web, Open311 or the demo); `source` says which. */
public record FeedbackReceived(String unitCode, long reportId, String code, String source) implements FeedbackChanged {
}
