package vn.xaso.catalog.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.web.Form;

/**
 * The procedure editor as posted: the procedure's own inputs, the button pressed ({@code action}), the row counts the
 * page was drawn with, and the rows of papers and e-form fields — bound by Spring as {@code papers[0].name},
 * {@code fields[0].label}, … (see {@link ProcedureEditor}).
 */
record ProcedureForm(@Nullable String code, @Nullable String name, @Nullable String field, @Nullable String timeKind,
		@Nullable String timeAmount, @Nullable String timeCutoff, @Nullable String feeKind, @Nullable String feeAmount,
		@Nullable String feeUnit, @Nullable String feeNote, @Nullable String feeFirstPages, @Nullable String feeFirstRate,
		@Nullable String feeNextRate, @Nullable String feeCap, @Nullable String onlineMode, @Nullable String resultTemplate,
		@Nullable String workflow, @Nullable String legalBasis, @Nullable String sources, @Nullable String action,
		@Nullable String fieldCount, @Nullable String paperCount, @Nullable List<@Nullable FieldRow> fields,
		@Nullable List<@Nullable PaperRow> papers) {

	/** One e-form field's row ({@code fields[i].…}); a checkbox is "on" or missing. */
	record FieldRow(@Nullable String name, @Nullable String label, @Nullable String type, @Nullable String required,
			@Nullable String help, @Nullable String maxLength, @Nullable String options, @Nullable String notFuture,
			@Nullable String prefill) {

		Map<String, String> values() {
			return Form.pairs("name", name, "label", label, "type", type, "required", required, "help", help, "maxLength",
					maxLength, "options", options, "notFuture", notFuture, "prefill", prefill);
		}
	}

	/** One required paper's row ({@code papers[i].…}). */
	record PaperRow(@Nullable String code, @Nullable String name, @Nullable String note, @Nullable String required,
			@Nullable String filledByForm) {

		Map<String, String> values() {
			return Form.pairs("code", code, "name", name, "note", note, "required", required, "filledByForm", filledByForm);
		}
	}

	/** The procedure's own inputs by name (those posted). */
	Map<String, String> scalars() {
		return Form.pairs("code", code, "name", name, "field", field, "timeKind", timeKind, "timeAmount", timeAmount,
				"timeCutoff", timeCutoff, "feeKind", feeKind, "feeAmount", feeAmount, "feeUnit", feeUnit, "feeNote", feeNote,
				"feeFirstPages", feeFirstPages, "feeFirstRate", feeFirstRate, "feeNextRate", feeNextRate, "feeCap", feeCap,
				"onlineMode", onlineMode, "resultTemplate", resultTemplate, "workflow", workflow, "legalBasis", legalBasis,
				"sources", sources);
	}

	/** The button pressed: "save" unless a row button was. */
	String actionOrSave() {
		return action == null || action.isBlank() ? "save" : action;
	}
}
