package vn.xaso.dossiers.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

import jakarta.validation.constraints.Size;
import vn.xaso.platform.web.Form;

/**
 * The officials' dossier pages' typed forms. Bean Validation refuses the plain mistakes with the module's messages
 * ({@code i18n/dossiers}); the use cases check the rest. The citizen's and the counter's forms carry the procedure's
 * own e-form fields (named by the catalogue), read by {@link WebInput}.
 */
final class DossierForms {

	private DossierForms() {
	}



	static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	/** The queues page: a tab, or a search by words, procedure and state. */
	record QueueFilter(@Nullable String tab, @Size(max = 100, message = "{dossiers.say.queryLong}") @Nullable String q,
			@Nullable String procedure, @Nullable String state, @Nullable String page) {

		Map<String, String> values() {
			return Form.pairs("tab", tab, "q", q, "procedure", procedure, "state", state, "page", page);
		}

		boolean searching() {
			return !text(q).isEmpty() || !text(procedure).isEmpty() || !text(state).isEmpty();
		}
	}

	/** An official's step on a dossier (the files come as a separate multipart list). */
	record ActForm(@Nullable String action, @Nullable String version, @Nullable String note, @Nullable String assignee,
			@Nullable String returnMethod, @Nullable String postTrackingNumber, @Nullable String signingPassword,
			@Nullable String newDueDate) {

		/** What the page shows again (never the password). */
		Map<String, String> values() {
			return Form.pairs("action", action, "version", version, "note", note, "assignee", assignee, "returnMethod",
					returnMethod, "postTrackingNumber", postTrackingNumber, "newDueDate", newDueDate);
		}
	}

	/** One of the dossier page's two-step forms ("receive and assign", "release and return"). */
	record QuickStep(@Nullable String step, @Nullable String version, @Nullable String note, @Nullable String assignee,
			@Nullable String returnMethod, @Nullable String postTrackingNumber, @Nullable String sealPassword) {
	}

	/** The queue's bulk action on the ticked dossiers (the ticks come as a separate list). */
	record BulkStep(@BindParam("do") @Nullable String step, @Nullable String tab, @Nullable String note, @Nullable String assignee,
			@Nullable String returnMethod, @Nullable String postTrackingNumber, @Nullable String sealPassword) {

		/** The same step for each dossier, at the version the official's list showed. */
		QuickStep each() {
			return new QuickStep(step, null, note, assignee, returnMethod, postTrackingNumber, sealPassword);
		}
	}

	/** What the citizen's dossier page was reached after ({@code ?submitted}, {@code ?paid}, …): a notice to show. */
	record Arrived(@Nullable String saved, @Nullable String submitted, @Nullable String supplemented, @Nullable String rated,
			@Nullable String paid) {
	}
}
