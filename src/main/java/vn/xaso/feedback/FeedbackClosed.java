package vn.xaso.feedback;

/** The commune closed the report; its reporter (and those of its duplicates) are told. */
public record FeedbackClosed(String unitCode, long reportId, String code) implements FeedbackChanged {
}
