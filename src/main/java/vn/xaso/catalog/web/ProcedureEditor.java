package vn.xaso.catalog.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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

	Form form() {
		var form = Form.empty();
		values.forEach(form::value);
		return form;
	}

	/**
	 * Builds the draft, rejecting every problem into {@code form} with a Vietnamese message under
	 * the input's name. Returns null when anything is wrong.
	 */
	@Nullable ProcedureDraft draft(String code, int formVersion, Form form) {
		var name = value("name").strip();
		var field = value("field").strip();
		ProcessingTime time = null;
		ProcessingTime.Kind kind = null;
		try {
			kind = ProcessingTime.Kind.valueOf(value("timeKind"));
		}
		catch (IllegalArgumentException e) {
			form.reject("timeKind", "Vui lòng chọn cách tính thời hạn.");
		}
		LocalTime cutoff = ProcessingTime.DEFAULT_CUTOFF;
		if (!value("timeCutoff").isBlank()) {
			try {
				cutoff = LocalTime.parse(value("timeCutoff").strip());
			}
			catch (DateTimeParseException e) {
				form.reject("timeCutoff", "Giờ tiếp nhận cuối trong ngày phải viết dạng giờ:phút, ví dụ 15:00.");
			}
		}
		if (kind != null) {
			if (kind == ProcessingTime.Kind.SAME_DAY) {
				time = new ProcessingTime(0, kind, cutoff);
			}
			else {
				var amount = whole(value("timeAmount"), 1, 365);
				if (amount == null) {
					form.reject("timeAmount", "Thời hạn phải là số nguyên từ 1 đến 365.");
				}
				else {
					time = new ProcessingTime(amount.intValue(), kind, cutoff);
				}
			}
		}
		var fees = fees(form);
		OnlineMode online = null;
		try {
			online = OnlineMode.valueOf(value("onlineMode"));
		}
		catch (IllegalArgumentException e) {
			form.reject("onlineMode", "Vui lòng chọn mức độ trực tuyến.");
		}
		var formFields = new ArrayList<FormField>();
		var names = new HashSet<String>();
		for (int i = 0; i < fields; i++) {
			var p = "f" + i + "_";
			var fname = value(p + "name").strip();
			var label = value(p + "label").strip();
			boolean ok = true;
			if (!fname.matches(FormField.NAME_PATTERN)) {
				form.reject(p + "name", "Trường " + (i + 1) + ": tên máy bắt đầu bằng chữ thường, chỉ gồm chữ không dấu, số, dấu gạch dưới, tối đa 40 ký tự, ví dụ childName.");
				ok = false;
			}
			else if (!names.add(fname)) {
				form.reject(p + "name", "Trường " + (i + 1) + ": tên \"" + fname + "\" đã dùng cho trường khác.");
				ok = false;
			}
			if (label.isEmpty() || label.length() > 200) {
				form.reject(p + "label", "Trường " + (i + 1) + ": vui lòng nhập nhãn, tối đa 200 ký tự.");
				ok = false;
			}
			FieldType type = null;
			try {
				type = FieldType.valueOf(value(p + "type"));
			}
			catch (IllegalArgumentException e) {
				form.reject(p + "type", "Trường " + (i + 1) + ": vui lòng chọn kiểu dữ liệu.");
				ok = false;
			}
			Long max = value(p + "maxLength").isBlank() ? Long.valueOf(0) : whole(value(p + "maxLength"), 0, 5000);
			if (max == null) {
				form.reject(p + "maxLength", "Trường " + (i + 1) + ": độ dài tối đa là số nguyên từ 0 đến 5000 (0 là mặc định).");
				ok = false;
			}
			var options = value(p + "options").lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
			if (type == FieldType.SELECT && options.isEmpty()) {
				form.reject(p + "options", "Trường " + (i + 1) + ": trường chọn cần ít nhất một lựa chọn, mỗi lựa chọn một dòng.");
				ok = false;
			}
			if (options.size() > 50 || options.stream().anyMatch(o -> o.length() > 200)) {
				form.reject(p + "options", "Trường " + (i + 1) + ": tối đa 50 lựa chọn, mỗi lựa chọn tối đa 200 ký tự.");
				ok = false;
			}
			var help = value(p + "help").strip();
			if (help.length() > 500) {
				form.reject(p + "help", "Trường " + (i + 1) + ": hướng dẫn tối đa 500 ký tự.");
				ok = false;
			}
			var prefill = value(p + "prefill").strip();
			if (prefill.length() > 200) {
				form.reject(p + "prefill", "Trường " + (i + 1) + ": giá trị điền sẵn tối đa 200 ký tự.");
				ok = false;
			}
			if (ok) {
				formFields.add(new FormField(fname, label, type, checked(p + "required"), help.isEmpty() ? null : help,
						max.intValue(), type == FieldType.SELECT ? options : List.of(),
						type == FieldType.DATE && checked(p + "notFuture"), prefill.isEmpty() ? null : prefill));
			}
		}
		var paperList = new ArrayList<RequiredPaper>();
		for (int i = 0; i < papers; i++) {
			var p = "p" + i + "_";
			var pname = value(p + "name").strip();
			var note = value(p + "note").strip();
			if (pname.isEmpty() || pname.length() > 500) {
				form.reject(p + "name", "Giấy tờ " + (i + 1) + ": vui lòng nhập tên giấy tờ, tối đa 500 ký tự.");
				continue;
			}
			if (note.length() > 1000) {
				form.reject(p + "note", "Giấy tờ " + (i + 1) + ": ghi chú tối đa 1.000 ký tự.");
				continue;
			}
			var pcode = value(p + "code").strip();
			paperList.add(new RequiredPaper(pcode.isEmpty() || pcode.length() > 20 ? "P" + (i + 1) : pcode, pname,
					checked(p + "required"), note.isEmpty() ? null : note, checked(p + "filledByForm")));
		}
		if (form.hasErrors() || time == null || fees == null || online == null) {
			return null;
		}
		return new ProcedureDraft(code, name, field, time, fees, paperList, new FormDefinition(formVersion, formFields),
				online, value("resultTemplate"), value("legalBasis").strip(), value("workflow"), value("sources").strip());
	}

	private @Nullable FeeSchedule fees(Form form) {
		try {
			return switch (value("feeKind")) {
				case "free" -> new FeeSchedule.Free(value("feeNote").isBlank() ? null : limited(form, "feeNote", 500));
				case "fixed" -> new FeeSchedule.Fixed(money(form, "feeAmount"));
				case "per-case" -> new FeeSchedule.PerCase(money(form, "feeAmount"), limited(form, "feeUnit", 100));
				case "tiered" -> {
					long first = money(form, "feeFirstRate");
					var tiers = new ArrayList<FeeSchedule.Tiered.Tier>();
					tiers.add(new FeeSchedule.Tiered.Tier(1, first));
					if (!value("feeNextRate").isBlank()) {
						var pages = whole(value("feeFirstPages"), 1, 1000);
						if (pages == null) {
							form.reject("feeFirstPages", "Số trang tính mức đầu phải là số nguyên từ 1 đến 1000.");
							yield null;
						}
						tiers.add(new FeeSchedule.Tiered.Tier(pages.intValue() + 1, money(form, "feeNextRate")));
					}
					yield new FeeSchedule.Tiered(tiers, value("feeCap").isBlank() ? 0 : money(form, "feeCap"));
				}
				case "province" -> new FeeSchedule.ProvinceDecided(limited(form, "feeNote", 500));
				default -> {
					form.reject("feeKind", "Vui lòng chọn cách tính phí, lệ phí.");
					yield null;
				}
			};
		}
		catch (BadValue e) {
			return null;
		}
	}

	private static final class BadValue extends RuntimeException {
		BadValue() {
			super(null, null, false, false);
		}
	}

	private long money(Form form, String key) {
		var amount = FormDefinition.parseMoney(value(key));
		if (amount == null || amount > 1_000_000_000L) {
			form.reject(key, "Số tiền phải là số đồng, không âm, ví dụ 10.000.");
			throw new BadValue();
		}
		return amount;
	}

	private String limited(Form form, String key, int max) {
		var v = value(key).strip();
		if (v.length() > max) {
			form.reject(key, "Nội dung dài quá " + max + " ký tự.");
			throw new BadValue();
		}
		return v;
	}

	private static @Nullable Long whole(String value, long min, long max) {
		var v = value.strip();
		if (!v.matches("[0-9]{1,9}")) {
			return null;
		}
		long n = Long.parseLong(v);
		return n < min || n > max ? null : n;
	}
}
