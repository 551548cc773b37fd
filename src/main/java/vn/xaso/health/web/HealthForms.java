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

		AskingTheDoctor.Ask ask() {
			return new AskingTheDoctor.Ask(title == null ? "" : title, body == null ? "" : body, "yes".equals(mayPublish));
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
}
