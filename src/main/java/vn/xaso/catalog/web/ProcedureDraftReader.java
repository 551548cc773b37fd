package vn.xaso.catalog.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.xaso.catalog.FeeSchedule;
import vn.xaso.catalog.FieldType;
import vn.xaso.catalog.FormDefinition;
import vn.xaso.catalog.FormField;
import vn.xaso.catalog.OnlineMode;
import vn.xaso.catalog.ProcedureDraft;
import vn.xaso.catalog.ProcessingTime;
import vn.xaso.catalog.RequiredPaper;
import vn.xaso.platform.web.Form;

/**
 * Reads a {@link ProcedureEditor}'s values into a {@link ProcedureDraft}, rejecting every problem
 * into the form under the input's name with a message of the catalog bundle ({@code i18n/catalog}).
 */
final class ProcedureDraftReader {

	/** A message of the catalog bundle by key and arguments. */
	interface Texts {
		String text(String key, Object... args);
	}

	private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

	static {
		BUNDLE.setBasenames("i18n/catalog");
		BUNDLE.setDefaultEncoding("UTF-8");
		BUNDLE.setFallbackToSystemLocale(false);
	}

	/** The Vietnamese messages, for callers without a locale. */
	static final Texts VIETNAMESE = (key, args) -> BUNDLE.getMessage(key, args, Locale.ROOT);

	private final ProcedureEditor editor;
	private final Texts texts;

	ProcedureDraftReader(ProcedureEditor editor, Texts texts) {
		this.editor = editor;
		this.texts = texts;
	}

	private String t(String key, Object... args) {
		return texts.text(key, args);
	}

	/**
	 * Builds the draft, rejecting every problem into {@code form} with a Vietnamese message under
	 * the input's name. Returns null when anything is wrong.
	 */
	@Nullable ProcedureDraft read(String code, int formVersion, Form form) {
		var name = editor.value("name").strip();
		var field = editor.value("field").strip();
		ProcessingTime time = null;
		ProcessingTime.Kind kind = null;
		try {
			kind = ProcessingTime.Kind.valueOf(editor.value("timeKind"));
		}
		catch (IllegalArgumentException e) {
			form.reject("timeKind", t("catalog.error.timeKind"));
		}
		LocalTime cutoff = ProcessingTime.DEFAULT_CUTOFF;
		if (!editor.value("timeCutoff").isBlank()) {
			try {
				cutoff = LocalTime.parse(editor.value("timeCutoff").strip());
			}
			catch (DateTimeParseException e) {
				form.reject("timeCutoff", t("catalog.error.timeCutoff"));
			}
		}
		if (kind != null) {
			if (kind == ProcessingTime.Kind.SAME_DAY) {
				time = new ProcessingTime(0, kind, cutoff);
			}
			else {
				var amount = whole(editor.value("timeAmount"), 1, 365);
				if (amount == null) {
					form.reject("timeAmount", t("catalog.error.timeAmount"));
				}
				else {
					time = new ProcessingTime(amount.intValue(), kind, cutoff);
				}
			}
		}
		var fees = fees(form);
		OnlineMode online = null;
		try {
			online = OnlineMode.valueOf(editor.value("onlineMode"));
		}
		catch (IllegalArgumentException e) {
			form.reject("onlineMode", t("catalog.error.onlineMode"));
		}
		var formFields = new ArrayList<FormField>();
		var names = new HashSet<String>();
		for (int i = 0; i < editor.fields; i++) {
			var p = ProcedureEditor.field(i);
			var row = String.valueOf(i + 1);
			var fname = editor.value(p + "name").strip();
			var label = editor.value(p + "label").strip();
			boolean ok = true;
			if (!fname.matches(FormField.NAME_PATTERN)) {
				form.reject(p + "name", t("catalog.error.fieldName", row));
				ok = false;
			}
			else if (!names.add(fname)) {
				form.reject(p + "name", t("catalog.error.fieldNameTaken", row, fname));
				ok = false;
			}
			if (label.isEmpty() || label.length() > 200) {
				form.reject(p + "label", t("catalog.error.fieldLabel", row));
				ok = false;
			}
			FieldType type = null;
			try {
				type = FieldType.valueOf(editor.value(p + "type"));
			}
			catch (IllegalArgumentException e) {
				form.reject(p + "type", t("catalog.error.fieldType", row));
				ok = false;
			}
			Long max = editor.value(p + "maxLength").isBlank() ? Long.valueOf(0) : whole(editor.value(p + "maxLength"), 0, 5000);
			if (max == null) {
				form.reject(p + "maxLength", t("catalog.error.fieldMaxLength", row));
				ok = false;
			}
			var options = editor.value(p + "options").lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
			if (type == FieldType.SELECT && options.isEmpty()) {
				form.reject(p + "options", t("catalog.error.fieldOptionsNone", row));
				ok = false;
			}
			if (options.size() > 50 || options.stream().anyMatch(o -> o.length() > 200)) {
				form.reject(p + "options", t("catalog.error.fieldOptionsMany", row));
				ok = false;
			}
			var help = editor.value(p + "help").strip();
			if (help.length() > 500) {
				form.reject(p + "help", t("catalog.error.fieldHelp", row));
				ok = false;
			}
			var prefill = editor.value(p + "prefill").strip();
			if (prefill.length() > 200) {
				form.reject(p + "prefill", t("catalog.error.fieldPrefill", row));
				ok = false;
			}
			if (ok) {
				formFields.add(new FormField(fname, label, type, editor.checked(p + "required"), help.isEmpty() ? null : help,
						max.intValue(), type == FieldType.SELECT ? options : List.of(),
						type == FieldType.DATE && editor.checked(p + "notFuture"), prefill.isEmpty() ? null : prefill));
			}
		}
		var paperList = new ArrayList<RequiredPaper>();
		for (int i = 0; i < editor.papers; i++) {
			var p = ProcedureEditor.paper(i);
			var row = String.valueOf(i + 1);
			var pname = editor.value(p + "name").strip();
			var note = editor.value(p + "note").strip();
			if (pname.isEmpty() || pname.length() > 500) {
				form.reject(p + "name", t("catalog.error.paperName", row));
				continue;
			}
			if (note.length() > 1000) {
				form.reject(p + "note", t("catalog.error.paperNote", row));
				continue;
			}
			var pcode = editor.value(p + "code").strip();
			paperList.add(new RequiredPaper(pcode.isEmpty() || pcode.length() > 20 ? "P" + (i + 1) : pcode, pname,
					editor.checked(p + "required"), note.isEmpty() ? null : note, editor.checked(p + "filledByForm")));
		}
		if (form.hasErrors() || time == null || fees == null || online == null) {
			return null;
		}
		return new ProcedureDraft(code, name, field, time, fees, paperList, new FormDefinition(formVersion, formFields),
				online, editor.value("resultTemplate"), editor.value("legalBasis").strip(), editor.value("workflow"), editor.value("sources").strip());
	}

	private @Nullable FeeSchedule fees(Form form) {
		try {
			return switch (editor.value("feeKind")) {
				case "free" -> new FeeSchedule.Free(editor.value("feeNote").isBlank() ? null : limited(form, "feeNote", 500));
				case "fixed" -> new FeeSchedule.Fixed(money(form, "feeAmount"));
				case "per-case" -> new FeeSchedule.PerCase(money(form, "feeAmount"), limited(form, "feeUnit", 100));
				case "tiered" -> {
					long first = money(form, "feeFirstRate");
					var tiers = new ArrayList<FeeSchedule.Tiered.Tier>();
					tiers.add(new FeeSchedule.Tiered.Tier(1, first));
					if (!editor.value("feeNextRate").isBlank()) {
						var pages = whole(editor.value("feeFirstPages"), 1, 1000);
						if (pages == null) {
							form.reject("feeFirstPages", t("catalog.error.feeFirstPages"));
							yield null;
						}
						tiers.add(new FeeSchedule.Tiered.Tier(pages.intValue() + 1, money(form, "feeNextRate")));
					}
					yield new FeeSchedule.Tiered(tiers, editor.value("feeCap").isBlank() ? 0 : money(form, "feeCap"));
				}
				case "province" -> new FeeSchedule.ProvinceDecided(limited(form, "feeNote", 500));
				default -> {
					form.reject("feeKind", t("catalog.error.feeKind"));
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
		var amount = FormDefinition.parseMoney(editor.value(key));
		if (amount == null || amount > 1_000_000_000L) {
			form.reject(key, t("catalog.error.money"));
			throw new BadValue();
		}
		return amount;
	}

	private String limited(Form form, String key, int max) {
		var v = editor.value(key).strip();
		if (v.length() > max) {
			form.reject(key, t("catalog.error.tooLong", String.valueOf(max)));
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
