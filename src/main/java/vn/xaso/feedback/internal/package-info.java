/** Feedback internals: photo checks and re-encoding, notifications of the reporter. */
@org.jspecify.annotations.NullMarked
package vn.xaso.feedback.internal;
