/**
 * Feedback internals: one class per use case ({@link vn.xaso.feedback.internal.ReceivingFeedback},
 * {@link vn.xaso.feedback.internal.TriagingFeedback}, {@link vn.xaso.feedback.internal.AnsweringFeedback},
 * {@link vn.xaso.feedback.internal.FollowingUpFeedback}, issuing Open311 keys), the {@code Report}
 * aggregate that guards the workflow, one package-private SQL adapter per table family
 * ({@code ReportTable}, {@code CategoryTable}, {@code ApiKeyTable}), photo checks, notices to the
 * reporter and the indicator counters (fed by the module's events).
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.feedback.internal;
