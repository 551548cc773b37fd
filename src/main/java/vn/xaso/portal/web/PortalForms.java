package vn.xaso.portal.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

import jakarta.validation.constraints.Size;
import vn.xaso.platform.web.Form;

/**
 * The portal pages' typed forms. Bean Validation refuses the plain mistakes with the module's
 * messages ({@code i18n/portal}); the use cases check everything again.
 */
final class PortalForms {

	private PortalForms() {
	}



	static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}

	/** A post as an editor writes it; {@code then=publish} publishes at once (leaders). */
	record PostForm(@Nullable String kind, @Size(max = 60, message = "{portal.error.categoryLong}") @Nullable String category,
			@Size(max = 200, message = "{portal.error.titleLong}") @Nullable String title,
			@Size(max = 500, message = "{portal.error.summaryLong}") @Nullable String summary,
			@Size(max = 20000, message = "{portal.error.bodyLong}") @Nullable String body, @Nullable String publishAt,
			@Nullable List<String> villages, @Nullable List<String> channels, @Nullable String urgent, @Nullable String then) {

		/** The values as typed, the ticked channels and villages as {@code channel.X} / {@code village.N}. */
		Form form(BindingResult result) {
			var form = Form.of(Form.pairs("kind", kind, "category", category, "title", title, "summary", summary, "body", body,
					"publishAt", publishAt, "urgent", urgent, "then", then), result);
			for (var c : channels == null ? List.<String>of() : channels) {
				form.value("channel." + c, "on");
			}
			for (var v : villages == null ? List.<String>of() : villages) {
				form.value("village." + v, "on");
			}
			return form;
		}
	}

	/** One line of the leaders' work schedule. */
	record ScheduleForm(@Nullable String day, @Nullable String time,
			@Size(max = 120, message = "{portal.error.leader}") @Nullable String leader,
			@Size(max = 500, message = "{portal.error.content}") @Nullable String content,
			@Size(max = 200, message = "{portal.error.place}") @Nullable String place) {

		Map<String, String> values() {
			return Form.pairs("day", day, "time", time, "leader", leader, "content", content, "place", place);
		}
	}

	/** One public contact. */
	record ContactForm(@Nullable String position, @Size(max = 120, message = "{portal.error.contactName}") @Nullable String name,
			@Size(max = 160, message = "{portal.error.contactTitle}") @Nullable String title, @Nullable String phone,
			@Nullable String phonePublic, @Size(max = 200, message = "{portal.error.contactEmail}") @Nullable String email) {

		Map<String, String> values() {
			return Form.pairs("position", position, "name", name, "title", title, "phone", phone, "phonePublic", phonePublic,
					"email", email);
		}
	}

	/** What the citizen app page is asked: a commune, a village, or words to find a commune. */
	record AppQuery(@Nullable String unit, @Nullable String village, @Nullable String q) {
	}

	/** Filters of a commune's list of notices, news or law articles. */
	record ListQuery(@Nullable String village, @Nullable String category, @Nullable String page) {
	}
}
