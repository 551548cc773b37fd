package vn.xaso.catalog.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.web.Form;

/**
 * The procedure editor as posted: the procedure's own inputs, the button pressed ({@code action}), the row counts the
 * page was drawn with, and the rows of papers and e-form fields by row number — bound by Spring from
 * {@code papers[0].name}, {@code fields[0].label}, … (see {@link ProcedureEditor}). Rows are keyed rather than a list:
 * a posted row number that is no row of the page ({@code fields[x]}, {@code fields[5000]}) is then simply not read
 * (Spring's list binding threw on those).
 */
record ProcedureForm(@Nullable String code, @Nullable String name, @Nullable String field, @Nullable String timeKind,
		@Nullable String timeAmount, @Nullable String timeCutoff, @Nullable String feeKind, @Nullable String feeAmount,
		@Nullable String feeUnit, @Nullable String feeNote, @Nullable String feeFirstPages, @Nullable String feeFirstRate,
		@Nullable String feeNextRate, @Nullable String feeCap, @Nullable String onlineMode, @Nullable String resultTemplate,
		@Nullable String workflow, @Nullable String legalBasis, @Nullable String sources, @Nullable String action,
		@Nullable String fieldCount, @Nullable String paperCount, @Nullable Map<String, FieldRow> fields,
		@Nullable Map<String, PaperRow> papers) {

	/** One e-form field's row ({@code fields[i].…}); a checkbox is "on" or missing. */
	record FieldRow(@Nullable String name, @Nullable String label, @Nullable String type, @Nullable String required,
			@Nullable String help, @Nullable String maxLength, @Nullable String options, @Nullable String notFuture,
			@Nullable String prefill) implements Row {

		@Override
		public Map<String, String> values() {
			return Form.pairs("name", name, "label", label, "type", type, "required", required, "help", help, "maxLength",
					maxLength, "options", options, "notFuture", notFuture, "prefill", prefill);
		}
	}

	/** One required paper's row ({@code papers[i].…}). */
	record PaperRow(@Nullable String code, @Nullable String name, @Nullable String note, @Nullable String required,
			@Nullable String filledByForm) implements Row {

		@Override
		public Map<String, String> values() {
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

	/** Row {@code i}'s values as posted (none when it did not come back). */
	static Map<String, String> row(@Nullable Map<String, ? extends Row> rows, int i) {
		var row = rows == null ? null : rows.get(String.valueOf(i));
		return row == null ? Map.of() : row.values();
	}

	/** A row of the editor. */
	sealed interface Row permits FieldRow, PaperRow {

		/** The row's values by input name (without the row prefix). */
		Map<String, String> values();
	}

	/** The button pressed: "save" unless a row button was. */
	String actionOrSave() {
		return action == null || action.isBlank() ? "save" : action;
	}
}
