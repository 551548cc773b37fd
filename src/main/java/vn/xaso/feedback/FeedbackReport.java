package vn.xaso.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report as the commune's officials (and its signed-in reporter) see it, contact included.
 * Never render this on a public page: use {@link PublicReport}.
 */
public record FeedbackReport(long id, String unitCode, String code, String token, FeedbackCategory category,
		String description, @Nullable Double lat, @Nullable Double lon, @Nullable String villageCode, String address,
		@Nullable Long citizenId, boolean anonymous, @Nullable String contactName, @Nullable String contactPhone,
		@Nullable String contactEmail, String status, @Nullable String handler, LocalDate dueDate, @Nullable String answer,
		@Nullable Instant answeredAt, @Nullable String answeredBy, @Nullable Instant closedAt, @Nullable Integer rating,
		@Nullable String mergedIntoCode, boolean photosPublic, @Nullable String mediaUrl, String source, Instant createdAt,
		Instant updatedAt, List<Long> photoIds) {

	public static final String NEW = "new";
	public static final String IN_PROGRESS = "in_progress";
	public static final String ANSWERED = "answered";
	public static final String CLOSED = "closed";
	public static final String MERGED = "merged";
	public static final List<String> STATUSES = List.of(NEW, IN_PROGRESS, ANSWERED, CLOSED, MERGED);

	/** Open311 has two statuses: a report is "open" until answered, closed or merged. */
	public static String open311Status(String status) {
		return NEW.equals(status) || IN_PROGRESS.equals(status) ? "open" : "closed";
	}

	public boolean finished() {
		return ANSWERED.equals(status) || CLOSED.equals(status) || MERGED.equals(status);
	}
}
