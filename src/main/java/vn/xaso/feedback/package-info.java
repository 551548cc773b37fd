/**
 * Citizen feedback (phản ánh, kiến nghị): reports with photos and a map pin, triage by the
 * commune's officials with working-day due dates, public answers, ratings and reopening, a public
 * list with personal data removed, and Open311 GeoReport v2 access to the same data.
 * API: {@link vn.xaso.feedback.Feedback}, {@link vn.xaso.feedback.Open311Keys}; events
 * {@link vn.xaso.feedback.FeedbackReceived}, {@link vn.xaso.feedback.FeedbackAssigned},
 * {@link vn.xaso.feedback.FeedbackAnswered}, {@link vn.xaso.feedback.FeedbackClosed},
 * {@link vn.xaso.feedback.FeedbackMerged}, {@link vn.xaso.feedback.FeedbackRated},
 * {@link vn.xaso.feedback.FeedbackReopened}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "calendar", "identity", "notify", "units",
		"platform", "platform :: metrics", "platform :: render", "platform :: tenancy", "platform :: web" })
package vn.xaso.feedback;
