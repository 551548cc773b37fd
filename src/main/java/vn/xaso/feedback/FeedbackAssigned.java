package vn.xaso.feedback;

/** An official gave the report to a handler; it is in progress. */
public record FeedbackAssigned(String unitCode, long reportId, String code, String handler) implements FeedbackChanged {
}
