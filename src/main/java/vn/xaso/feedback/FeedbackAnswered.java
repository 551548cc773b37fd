package vn.xaso.feedback;

/** The commune answered the report publicly; its reporter (and those of its duplicates) are told. */
public record FeedbackAnswered(String unitCode, long reportId, String code) implements FeedbackChanged {
}
