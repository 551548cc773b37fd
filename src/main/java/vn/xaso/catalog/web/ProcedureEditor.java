package vn.xaso.catalog.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * e-form's fields are rows {@code f0_name, f0_label, …} and the papers rows {@code p0_name, …};
 * buttons named {@code action} add, remove and move rows and re-show the page; "save" publishes.
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
			int i = e.fields++;
			v.put("f" + i + "_name", f.name());
			v.put("f" + i + "_label", f.label());
			v.put("f" + i + "_type", f.type().name());
			v.put("f" + i + "_required", f.required() ? "on" : "");
			v.put("f" + i + "_help", f.help() == null ? "" : f.help());
			v.put("f" + i + "_maxLength", f.maxLength() == 0 ? "" : String.valueOf(f.maxLength()));
			v.put("f" + i + "_options", String.join("\n", f.options()));
			v.put("f" + i + "_notFuture", f.notFuture() ? "on" : "");
			v.put("f" + i + "_prefill", f.prefill() == null ? "" : f.prefill());
		}
		for (var paper : p.papers()) {
			int i = e.papers++;
			v.put("p" + i + "_code", paper.code());
			v.put("p" + i + "_name", paper.name());
			v.put("p" + i + "_note", paper.note() == null ? "" : paper.note());
			v.put("p" + i + "_required", paper.required() ? "on" : "");
			v.put("p" + i + "_filledByForm", paper.filledByForm() ? "on" : "");
		}
		return e;
	}

	/** Reads the posted values; unknown parameters are ignored, row counts are bounded. */
	static ProcedureEditor from(Map<String, String> params) {
		var e = new ProcedureEditor();
		for (var key : SCALARS) {
			e.values.put(key, params.getOrDefault(key, ""));
		}
		e.fields = Math.max(0, Math.min(MAX_FIELDS, count(params.get("fieldCount"))));
		e.papers = Math.max(0, Math.min(MAX_PAPERS, count(params.get("paperCount"))));
		for (int i = 0; i < e.fields; i++) {
			for (var k : FIELD_KEYS) {
				e.values.put("f" + i + "_" + k, params.getOrDefault("f" + i + "_" + k, ""));
			}
		}
		for (int i = 0; i < e.papers; i++) {
			for (var k : PAPER_KEYS) {
				e.values.put("p" + i + "_" + k, params.getOrDefault("p" + i + "_" + k, ""));
			}
		}
		return e;
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
					int n = fields++;
					values.put("f" + n + "_type", "TEXT");
					values.put("f" + n + "_required", "on");
				}
			}
			case "addPaper" -> {
				if (papers < MAX_PAPERS) {
					values.put("p" + papers++ + "_required", "on");
				}
			}
			case "removeField" -> fields = remove("f", FIELD_KEYS, i, fields);
			case "removePaper" -> papers = remove("p", PAPER_KEYS, i, papers);
			case "upField" -> swap("f", FIELD_KEYS, i, i - 1, fields);
			case "downField" -> swap("f", FIELD_KEYS, i, i + 1, fields);
			case "upPaper" -> swap("p", PAPER_KEYS, i, i - 1, papers);
			case "downPaper" -> swap("p", PAPER_KEYS, i, i + 1, papers);
			default -> {
				return false;
			}
		}
		return true;
	}

	private int remove(String prefix, List<String> keys, int at, int count) {
		if (at < 0 || at >= count) {
			return count;
		}
		for (int j = at; j < count - 1; j++) {
			for (var k : keys) {
				values.put(prefix + j + "_" + k, value(prefix + (j + 1) + "_" + k));
			}
		}
		for (var k : keys) {
			values.remove(prefix + (count - 1) + "_" + k);
		}
		return count - 1;
	}

	private void swap(String prefix, List<String> keys, int a, int b, int count) {
		if (a < 0 || b < 0 || a >= count || b >= count) {
			return;
		}
		for (var k : keys) {
			var x = value(prefix + a + "_" + k);
			values.put(prefix + a + "_" + k, value(prefix + b + "_" + k));
			values.put(prefix + b + "_" + k, x);
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
