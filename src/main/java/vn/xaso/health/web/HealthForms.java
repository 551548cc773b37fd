package vn.xaso.health.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.health.internal.AskingTheDoctor;
import vn.xaso.platform.web.Form;

/** The health forms, typed; the use cases check the values and refuse with a message per field. */
final class HealthForms {

	private HealthForms() {
	}

	/** The station's public answers: search words. */
	record FaqQuery(@Nullable String q) {

		String words() {
			var w = q == null ? "" : q.strip();
			return w.length() > 100 ? w.substring(0, 100) : w;
		}
	}

	/** A citizen's question: a short title, the text, and whether it may be published without their name. */
	record AskForm(@Nullable String title, @Nullable String body, @Nullable String mayPublish) {

		AskingTheDoctor.Ask ask(java.util.List<byte[]> photos) {
			return new AskingTheDoctor.Ask(title == null ? "" : title, body == null ? "" : body, "yes".equals(mayPublish), photos);
		}

		Form form() {
			return Form.empty().value("title", title).value("body", body).value("mayPublish", mayPublish);
		}
	}

	/** A follow-up of the asker or a doctor's answer. */
	record TextForm(@Nullable String body) {

		String text() {
			return body == null ? "" : body;
		}

		Form form(String field) {
			return Form.empty().value(field, body);
		}
	}

	/** A commune's name typed to find its health station. */
	record CommuneQuery(@Nullable String xa) {

		String words() {
			var w = xa == null ? "" : xa.strip();
			return w.length() > 100 ? w.substring(0, 100) : w;
		}
	}

	/** An appointment as chosen: the half-day (slot id) and what the visit is for. */
	record BookForm(@Nullable String slot, @Nullable String reason) {

		vn.xaso.health.internal.BookingAppointments.Book book() {
			return new vn.xaso.health.internal.BookingAppointments.Book(slot == null ? "" : slot, reason == null ? "" : reason);
		}

		Form form() {
			return Form.empty().value("slot", slot).value("reason", reason);
		}
	}

	/** A doctor opens a half-day: the day, morning or afternoon, how many people. */
	record SlotForm(@Nullable String day, @Nullable String session, @Nullable String capacity) {

		Form form() {
			return Form.empty().value("day", day).value("session", session).value("capacity", capacity);
		}
	}

	/** The asker's stars for the answers. */
	record RatingForm(@Nullable String stars) {
	}

	/** The bytes of the photos sent (empty file fields left out). */
	static java.util.List<byte[]> bytes(java.util.@Nullable List<org.springframework.web.multipart.MultipartFile> files) throws java.io.IOException {
		var out = new java.util.ArrayList<byte[]>();
		if (files != null) {
			for (var f : files) {
				if (f != null && !f.isEmpty()) {
					out.add(f.getBytes());
				}
			}
		}
		return out;
	}
}
