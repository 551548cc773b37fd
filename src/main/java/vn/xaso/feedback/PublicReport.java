package vn.xaso.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report with personal data removed, for public pages and Open311: no name, no contact, free
 * text passed through {@link vn.xaso.platform.PersonalData#maskAll}, photos only when an official
 * marked them public.
 */
public record PublicReport(String unitCode, String code, String categoryCode, String categoryName, String description,
		@Nullable Double lat, @Nullable Double lon, @Nullable String villageCode, String address, String status,
		LocalDate dueDate, @Nullable String answer, @Nullable Instant answeredAt, @Nullable Instant closedAt,
		@Nullable String mergedIntoCode, Instant createdAt, Instant updatedAt, List<Long> publicPhotoIds) {

	public String open311Status() {
		return FeedbackReport.open311Status(status);
	}
}
