package vn.xaso.feedback;

/** The report was marked a duplicate of `keptCode` and follows it from now on. */
public record FeedbackMerged(String unitCode, long reportId, String code, String keptCode) implements FeedbackChanged {
}
