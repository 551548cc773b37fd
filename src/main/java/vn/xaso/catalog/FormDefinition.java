package vn.xaso.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.xaso.platform.PersonalData;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.Refusal.Text;

/** A procedure's e-form (tờ khai điện tử): ordered fields, versioned with the procedure. */
public record FormDefinition(int version, List<FormField> fields) {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	private static final java.util.regex.Pattern EMAIL_SHAPE = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]{1,15}");
	private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);
	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	public FormDefinition {
		fields = List.copyOf(fields);
		var names = new HashSet<String>();
		for (var field : fields) {
			if (!names.add(field.name())) {
				throw new IllegalArgumentException("duplicate field name: " + field.name());
			}
		}
	}

	public Optional<FormField> field(String name) {
		return fields.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	/** The bundles the e-form's messages come from: the catalog's, and the shared kernel's for a CCCD number. */
	public static final String MESSAGES = "i18n/catalog,i18n/platform";

	/** Field name → Vietnamese error message; empty map when valid. Unknown fields are rejected. */
	public Map<String, String> validate(Map<String, String> values) {
		return validate(values, LocalDate.now(VIETNAM));
	}

	/** As {@link #validate(Map)}, with "today" given (for tests and for checking on a past day). */
	public Map<String, String> validate(Map<String, String> values, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		problems(values, today).forEach((field, text) -> errors.put(field, Refusal.bundleText(MESSAGES, text.key(), text.args())));
		return errors;
	}

	/** Field name → message of {@link #MESSAGES} (shown in the reader's language); empty map when valid. */
	public Map<String, Text> problems(Map<String, String> values) {
		return problems(values, LocalDate.now(VIETNAM));
	}

	/** As {@link #problems(Map)}, with "today" given. */
	public Map<String, Text> problems(Map<String, String> values, LocalDate today) {
		var errors = new LinkedHashMap<String, Text>();
		for (var name : values.keySet()) {
			if (field(name).isEmpty()) {
				errors.put(name, new Text("catalog.error.formUnknown", name));
			}
		}
		for (var field : fields) {
			var problem = problem(field, values.get(field.name()), today);
			if (problem != null) {
				errors.put(field.name(), problem);
			}
		}
		return errors;
	}

	/** A date as typed in the form (dd/MM/yyyy or yyyy-MM-dd), or null when it is neither. */
	public static @Nullable LocalDate parseDate(@Nullable String value) {
		if (value == null) {
			return null;
		}
		var v = value.strip();
		// The format its separator names: a parse that fails throws, costly at every date of every submission.
		var format = v.indexOf('/') >= 0 ? VN_DATE : v.indexOf('-') >= 0 ? ISO_DATE : null;
		if (format == null) {
			return null;
		}
		try {
			return LocalDate.parse(v, format);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** Whole VND from "1.500.000", "1500000" or "1 500 000 đ"; null when not a non-negative whole amount. */
	public static @Nullable Long parseMoney(@Nullable String value) {
		if (value == null) {
			return null;
		}
		var v = TypedWords.withoutCurrency(value.strip()).strip();
		if (v.matches("[0-9]{1,3}(\\.[0-9]{3})+") || v.matches("[0-9]{1,3}(,[0-9]{3})+")
				|| v.matches("[0-9]{1,3}( [0-9]{3})+")) {
			v = v.replaceAll("[., ]", "");
		}
		if (!v.matches("[0-9]{1,15}")) {
			return null;
		}
		return Long.parseLong(v);
	}

	public static boolean checked(@Nullable String value) {
		return value != null && switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "on", "true", "1", "yes", "co" -> true;
			default -> TypedWords.yes(value.strip());
		};
	}

	private static @Nullable Text problem(FormField field, @Nullable String raw, LocalDate today) {
		var label = field.label();
		var value = raw == null ? "" : raw.strip();
		if (field.type() == FieldType.CHECKBOX) {
			if (!value.isEmpty() && !checked(value) && !value.equalsIgnoreCase("false") && !value.equals("0")) {
				return new Text("catalog.error.formYesNo", label);
			}
			if (field.required() && !checked(value)) {
				return new Text("catalog.error.formTick", label);
			}
			return null;
		}
		if (value.isEmpty()) {
			return field.required() ? new Text("catalog.error.formRequired", label) : null;
		}
		if (value.length() > field.effectiveMaxLength()) {
			return new Text("catalog.error.formLong", label, String.valueOf(field.effectiveMaxLength()), String.valueOf(value.length()));
		}
		return switch (field.type()) {
			case TEXT -> value.contains("\n") || value.contains("\r") ? new Text("catalog.error.formOneLine", label) : null;
			case TEXTAREA, CHECKBOX -> null;
			case DATE -> {
				var date = parseDate(value);
				if (date == null) {
					yield new Text("catalog.error.formDate", label);
				}
				if (field.notFuture() && date.isAfter(today)) {
					yield new Text("catalog.error.formFuture", label);
				}
				if (date.getYear() < 1900) {
					yield new Text("catalog.error.formYear", label);
				}
				yield null;
			}
			case CCCD -> {
				var problem = PersonalData.cccdProblemText(value);
				yield problem == null ? null : new Text("catalog.error.formCccd", label,
						new DefaultMessageSourceResolvable(new String[] { problem.key() }, problem.args()));
			}
			case PHONE -> PersonalData.normalisePhone(value) == null
					? new Text("catalog.error.formPhone", label) : null;
			case EMAIL -> EMAIL_SHAPE.matcher(value).matches() ? null
					: new Text("catalog.error.formEmail", label);
			case NUMBER -> numberProblem(field, value);
			case MONEY -> parseMoney(value) == null
					? new Text("catalog.error.formMoney", label) : null;
			case SELECT -> field.options().contains(value) ? null
					: new Text("catalog.error.formSelect", label);
		};
	}

	/** A whole number within the field's bounds ({@code min}/{@code max} of the e-form, else 0 to 999.999.999). */
	private static @Nullable Text numberProblem(FormField field, String value) {
		var label = field.label();
		if (!WHOLE.matcher(value).matches()) {
			return new Text("catalog.error.formWhole", label);
		}
		var number = Long.parseLong(value);
		if (number < field.effectiveMin() || number > field.effectiveMax()) {
			return new Text("catalog.error.formRange", label, group(field.effectiveMin()), group(field.effectiveMax()), group(number));
		}
		return null;
	}

	/** 1000000 → "1.000.000", as Vietnamese write numbers. */
	private static String group(long n) {
		return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
	}
}
