package vn.xaso.feedback;

/** The reporter reopened an answered or closed report; it is in progress again. */
public record FeedbackReopened(String unitCode, long reportId, String code, java.time.LocalDate dueDate) implements FeedbackChanged {
}
