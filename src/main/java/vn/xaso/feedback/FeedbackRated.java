package vn.xaso.feedback;

/** The reporter rated the commune's answer, 1 to 5 stars. */
public record FeedbackRated(String unitCode, long reportId, String code, int rating) implements FeedbackChanged {
}
