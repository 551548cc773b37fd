package vn.xaso.feedback;

/** Something happened to one report; every feedback event is one of these. */
public sealed interface FeedbackChanged permits FeedbackReceived, FeedbackAssigned, FeedbackAnswered, FeedbackClosed,
		FeedbackMerged, FeedbackRated, FeedbackReopened {

	String unitCode();

	long reportId();

	/** The report's public code, e.g. {@code PA-14701-000012}. */
	String code();
}
