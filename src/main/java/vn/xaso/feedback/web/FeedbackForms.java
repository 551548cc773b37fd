package vn.xaso.feedback.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.xaso.platform.web.Form;

/**
 * The feedback pages' typed forms. Bean Validation refuses the plain mistakes with the module's
 * messages ({@code i18n/feedback}); the use cases check the rest (and everything again, for
 * Open311 and other callers).
 */
final class FeedbackForms {

	private FeedbackForms() {
	}



	static int page(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(value.strip())));
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	/** A citizen's report; the photos come as a separate multipart list. */
	record ReportForm(@Nullable String category, @NotBlank(message = "{feedback.error.descriptionShort}") @Nullable String description,
			@Nullable String lat, @Nullable String lon, @Nullable String village,
			@Size(max = 300, message = "{feedback.error.addressLong}") @Nullable String address, @Nullable String anonymous,
			@Size(max = 100, message = "{feedback.error.nameLong}") @Nullable String contactName, @Nullable String contactPhone,
			@Size(max = 200, message = "{feedback.error.emailLong}") @Nullable String contactEmail) {

		Map<String, String> values() {
			return Form.pairs("category", category, "description", description, "lat", lat, "lon", lon, "village", village, "address", address,
					"anonymous", anonymous, "contactName", contactName, "contactPhone", contactPhone, "contactEmail", contactEmail);
		}

		boolean anonymously() {
			return "on".equals(anonymous) || "true".equals(anonymous);
		}
	}

	/** Filters of a commune's public list. */
	record PublicFilter(@Pattern(regexp = "\\s*(open|closed)?\\s*", message = "{feedback.error.status}") @Nullable String status,
			@Size(max = 100, message = "{feedback.error.qLong}") @Nullable String q, @Nullable String category, @Nullable String page) {

		Map<String, String> values() {
			return Form.pairs("status", status, "q", q, "category", category, "page", page);
		}
	}

	/** Filters of the officials' list. */
	record TriageFilter(@Size(max = 100, message = "{feedback.error.qLong}") @Nullable String q, @Nullable String status,
			@Nullable String category, @Nullable String handler, @Nullable String view, @Nullable String page) {

		Map<String, String> values() {
			return Form.pairs("q", q, "status", status, "category", category, "handler", handler, "view", view, "page", page);
		}
	}

	record HandlerForm(@NotBlank(message = "{feedback.error.handler}") @Nullable String handler) {
		Map<String, String> values() {
			return Form.pairs("handler", handler);
		}
	}

	record NoteForm(@NotBlank(message = "{feedback.error.note}") @Size(max = 2000, message = "{feedback.error.note}") @Nullable String note) {
		Map<String, String> values() {
			return Form.pairs("note", note);
		}
	}

	record AnswerForm(@NotBlank(message = "{feedback.error.answer}") @Size(max = 4000, message = "{feedback.error.answer}") @Nullable String answer) {
		Map<String, String> values() {
			return Form.pairs("answer", answer);
		}
	}

	record CloseForm(@Size(max = 2000, message = "{feedback.error.closeNoteLong}") @Nullable String closeNote) {
		Map<String, String> values() {
			return Form.pairs("closeNote", closeNote);
		}
	}

	record MergeForm(@Nullable String keptCode) {
		Map<String, String> values() {
			return Form.pairs("keptCode", keptCode);
		}
	}

	/** {@code public=true|false}. */
	record PhotosForm(@BindParam("public") @NotBlank(message = "{feedback.error.photosChoice}")
			@Pattern(regexp = "true|false", message = "{feedback.error.photosChoice}") @Nullable String visible) {
		Map<String, String> values() {
			return Form.pairs("public", visible);
		}
	}

	record RatingForm(@Nullable String rating) {
		Map<String, String> values() {
			return Form.pairs("rating", rating);
		}

		int stars() {
			try {
				return rating == null ? 0 : Integer.parseInt(rating.strip());
			}
			catch (NumberFormatException e) {
				return 0;
			}
		}
	}

	record ReopenForm(@NotBlank(message = "{feedback.error.reopenReason}") @Size(max = 2000, message = "{feedback.error.reopenReason}") @Nullable String reason) {
		Map<String, String> values() {
			return Form.pairs("reason", reason);
		}
	}

	record KeyForm(@NotBlank(message = "{feedback.error.keyName}") @Size(max = 100, message = "{feedback.error.keyName}") @Nullable String name) {
		Map<String, String> values() {
			return Form.pairs("name", name);
		}
	}
}
