package vn.xaso.feedback;

import java.time.Instant;

/**
 * One entry of a report's timeline. {@code publicEntry} false: an internal note, shown to the
 * commune's officials only. {@code actor} is a display name for officials' pages; public pages show
 * only whether it was the commune or the reporter.
 */
public record FeedbackEvent(long id, String reportCode, Instant at, String kind, String actor, boolean publicEntry,
		String status, String text) {
}
