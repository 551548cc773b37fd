package vn.xaso.catalog.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import vn.xaso.catalog.FeeSchedule;
import vn.xaso.catalog.FieldType;
import vn.xaso.catalog.FormDefinition;
import vn.xaso.catalog.FormField;
import vn.xaso.catalog.OnlineMode;
import vn.xaso.catalog.Procedure;
import vn.xaso.catalog.ProcedureDraft;
import vn.xaso.catalog.ProcessingTime;
import vn.xaso.catalog.RequiredPaper;
import vn.xaso.platform.web.Form;

/**
 * The administrator's procedure editor as plain form values, so it works without JavaScript: the
 * e-form's fields are rows {@code fields[0].name, fields[0].label, …} and the papers rows {@code papers[0].name, …}
 * (posted as a {@link ProcedureForm}); buttons named {@code action} add, remove and move rows and re-show the page;
 * "save" publishes.
 */
public final class ProcedureEditor {

	static final List<String> FIELD_KEYS = List.of("name", "label", "type", "required", "help", "maxLength", "options", "notFuture", "prefill");
	static final List<String> PAPER_KEYS = List.of("code", "name", "note", "required", "filledByForm");
	static final List<String> SCALARS = List.of("code", "name", "field", "timeKind", "timeAmount", "timeCutoff", "feeKind",
			"feeAmount", "feeUnit", "feeNote", "feeFirstPages", "feeFirstRate", "feeNextRate", "feeCap", "onlineMode",
			"resultTemplate", "workflow", "legalBasis", "sources");
	static final int MAX_FIELDS = 60;
	static final int MAX_PAPERS = 50;

	final Map<String, String> values = new LinkedHashMap<>();
	int fields;
	int papers;

	static ProcedureEditor blank() {
		var e = new ProcedureEditor();
		e.values.put("timeKind", "WORKING_DAYS");
		e.values.put("timeAmount", "3");
		e.values.put("timeCutoff", "15:00");
		e.values.put("feeKind", "free");
		e.values.put("onlineMode", "PARTIAL");
		e.values.put("resultTemplate", "confirmation");
		e.values.put("workflow", "standard");
		return e;
	}

	static ProcedureEditor of(Procedure p) {
		var e = new ProcedureEditor();
		var v = e.values;
		v.put("code", p.code());
		v.put("name", p.name());
		v.put("field", p.field());
		v.put("timeKind", p.processingTime().kind().name());
		v.put("timeAmount", p.processingTime().kind() == ProcessingTime.Kind.SAME_DAY ? "" : String.valueOf(p.processingTime().amount()));
		v.put("timeCutoff", p.processingTime().cutoff().toString());
		switch (p.fees()) {
			case FeeSchedule.Free f -> {
				v.put("feeKind", "free");
				v.put("feeNote", f.note() == null ? "" : f.note());
			}
			case FeeSchedule.Fixed f -> {
				v.put("feeKind", "fixed");
				v.put("feeAmount", String.valueOf(f.vndPerCopy()));
			}
			case FeeSchedule.PerCase f -> {
				v.put("feeKind", "per-case");
				v.put("feeAmount", String.valueOf(f.vnd()));
				v.put("feeUnit", f.unit());
			}
			case FeeSchedule.Tiered f -> {
				v.put("feeKind", "tiered");
				v.put("feeFirstRate", String.valueOf(f.tiers().get(0).vndPerPage()));
				if (f.tiers().size() > 1) {
					v.put("feeFirstPages", String.valueOf(f.tiers().get(1).fromPage() - 1));
					v.put("feeNextRate", String.valueOf(f.tiers().get(1).vndPerPage()));
				}
				v.put("feeCap", String.valueOf(f.capPerCopy()));
			}
			case FeeSchedule.ProvinceDecided f -> {
				v.put("feeKind", "province");
				v.put("feeNote", f.note());
			}
		}
		v.put("onlineMode", p.onlineMode().name());
		v.put("resultTemplate", p.resultTemplate());
		v.put("workflow", p.workflow());
		v.put("legalBasis", p.legalBasis());
		v.put("sources", p.sources());
		for (var f : p.form().fields()) {
			var k = field(e.fields++);
			v.put(k + "name", f.name());
			v.put(k + "label", f.label());
			v.put(k + "type", f.type().name());
			v.put(k + "required", f.required() ? "on" : "");
			v.put(k + "help", f.help() == null ? "" : f.help());
			v.put(k + "maxLength", f.maxLength() == 0 ? "" : String.valueOf(f.maxLength()));
			v.put(k + "options", String.join("\n", f.options()));
			v.put(k + "notFuture", f.notFuture() ? "on" : "");
			v.put(k + "prefill", f.prefill() == null ? "" : f.prefill());
		}
		for (var paper : p.papers()) {
			var k = paper(e.papers++);
			v.put(k + "code", paper.code());
			v.put(k + "name", paper.name());
			v.put(k + "note", paper.note() == null ? "" : paper.note());
			v.put(k + "required", paper.required() ? "on" : "");
			v.put(k + "filledByForm", paper.filledByForm() ? "on" : "");
		}
		return e;
	}

	/** Reads the posted form; row counts are bounded, a row the page drew but that did not come back is blank. */
	static ProcedureEditor from(ProcedureForm posted) {
		var e = new ProcedureEditor();
		var scalars = posted.scalars();
		for (var key : SCALARS) {
			e.values.put(key, scalars.getOrDefault(key, ""));
		}
		e.fields = Math.max(0, Math.min(MAX_FIELDS, count(posted.fieldCount())));
		e.papers = Math.max(0, Math.min(MAX_PAPERS, count(posted.paperCount())));
		for (int i = 0; i < e.fields; i++) {
			var row = ProcedureForm.row(posted.fields(), i);
			for (var k : FIELD_KEYS) {
				e.values.put(field(i) + k, row.getOrDefault(k, ""));
			}
		}
		for (int i = 0; i < e.papers; i++) {
			var row = ProcedureForm.row(posted.papers(), i);
			for (var k : PAPER_KEYS) {
				e.values.put(paper(i) + k, row.getOrDefault(k, ""));
			}
		}
		return e;
	}

	/** The name prefix of e-form field row {@code i}: {@code fields[i].}. */
	public static String field(int i) {
		return "fields[" + i + "].";
	}

	/** The name prefix of paper row {@code i}: {@code papers[i].}. */
	public static String paper(int i) {
		return "papers[" + i + "].";
	}

	private static int count(@Nullable String value) {
		try {
			return value == null ? 0 : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	public int fields() {
		return fields;
	}

	public int papers() {
		return papers;
	}

	String value(String key) {
		return values.getOrDefault(key, "");
	}

	public boolean checked(String key) {
		return FormDefinition.checked(values.get(key));
	}

	/** Applies a row button; returns false for "save" or an unknown action. */
	boolean apply(String action) {
		var parts = action.split(":", 2);
		int i = parts.length == 2 ? count(parts[1]) : -1;
		switch (parts[0]) {
			case "addField" -> {
				if (fields < MAX_FIELDS) {
					var k = field(fields++);
					values.put(k + "type", "TEXT");
					values.put(k + "required", "on");
				}
			}
			case "addPaper" -> {
				if (papers < MAX_PAPERS) {
					values.put(paper(papers++) + "required", "on");
				}
			}
			case "removeField" -> fields = remove(ProcedureEditor::field, FIELD_KEYS, i, fields);
			case "removePaper" -> papers = remove(ProcedureEditor::paper, PAPER_KEYS, i, papers);
			case "upField" -> swap(ProcedureEditor::field, FIELD_KEYS, i, i - 1, fields);
			case "downField" -> swap(ProcedureEditor::field, FIELD_KEYS, i, i + 1, fields);
			case "upPaper" -> swap(ProcedureEditor::paper, PAPER_KEYS, i, i - 1, papers);
			case "downPaper" -> swap(ProcedureEditor::paper, PAPER_KEYS, i, i + 1, papers);
			default -> {
				return false;
			}
		}
		return true;
	}

	private int remove(IntFunction<String> row, List<String> keys, int at, int count) {
		if (at < 0 || at >= count) {
			return count;
		}
		for (int j = at; j < count - 1; j++) {
			for (var k : keys) {
				values.put(row.apply(j) + k, value(row.apply(j + 1) + k));
			}
		}
		for (var k : keys) {
			values.remove(row.apply(count - 1) + k);
		}
		return count - 1;
	}

	private void swap(IntFunction<String> row, List<String> keys, int a, int b, int count) {
		if (a < 0 || b < 0 || a >= count || b >= count) {
			return;
		}
		for (var k : keys) {
			var x = value(row.apply(a) + k);
			values.put(row.apply(a) + k, value(row.apply(b) + k));
			values.put(row.apply(b) + k, x);
		}
	}

	/**
	 * Builds the draft, rejecting every problem into {@code form} with a Vietnamese message under
	 * the input's name (see {@link ProcedureDraftReader}). Returns null when anything is wrong.
	 */
	@Nullable ProcedureDraft draft(String code, int formVersion, Form form) {
		return new ProcedureDraftReader(this, ProcedureDraftReader.VIETNAMESE).read(code, formVersion, form);
	}

	/** {@link #draft(String, int, Form)} with the messages in the reader's language. */
	@Nullable ProcedureDraft draft(String code, int formVersion, Form form, MessageSource messages, Locale locale) {
		return new ProcedureDraftReader(this, (key, args) -> messages.getMessage(key, args, locale)).read(code, formVersion, form);
	}

	Form form() {
		var form = Form.empty();
		values.forEach(form::value);
		return form;
	}
}
