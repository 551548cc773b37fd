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

import vn.xaso.platform.PersonalData;

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

	/** Field name → Vietnamese error message; empty map when valid. Unknown fields are rejected. */
	public Map<String, String> validate(Map<String, String> values) {
		return validate(values, LocalDate.now(VIETNAM));
	}

	/** As {@link #validate(Map)}, with "today" given (for tests and for checking on a past day). */
	public Map<String, String> validate(Map<String, String> values, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		for (var name : values.keySet()) {
			if (field(name).isEmpty()) {
				errors.put(name, "Trường \"" + name + "\" không có trong tờ khai này.");
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
		for (var format : List.of(VN_DATE, ISO_DATE)) {
			try {
				return LocalDate.parse(v, format);
			}
			catch (DateTimeParseException e) {
				// try the next format
			}
		}
		return null;
	}

	/** Whole VND from "1.500.000", "1500000" or "1 500 000 đ"; null when not a non-negative whole amount. */
	public static @Nullable Long parseMoney(@Nullable String value) {
		if (value == null) {
			return null;
		}
		var v = value.strip().replaceAll("(?i)\\s*(đ|vnd|vnđ|đồng)$", "").strip();
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
			case "on", "true", "1", "yes", "co", "có" -> true;
			default -> false;
		};
	}

	private static @Nullable String problem(FormField field, @Nullable String raw, LocalDate today) {
		var label = field.label();
		var value = raw == null ? "" : raw.strip();
		if (field.type() == FieldType.CHECKBOX) {
			if (!value.isEmpty() && !checked(value) && !value.equalsIgnoreCase("false") && !value.equals("0")) {
				return "\"" + label + "\" chỉ nhận giá trị có hoặc không.";
			}
			if (field.required() && !checked(value)) {
				return "Vui lòng đánh dấu \"" + label + "\".";
			}
			return null;
		}
		if (value.isEmpty()) {
			return field.required() ? "Vui lòng nhập \"" + label + "\"." : null;
		}
		if (value.length() > field.effectiveMaxLength()) {
			return "\"" + label + "\" dài quá " + field.effectiveMaxLength() + " ký tự (bạn đã nhập " + value.length() + ").";
		}
		return switch (field.type()) {
			case TEXT -> value.contains("\n") || value.contains("\r") ? "\"" + label + "\" chỉ được viết trên một dòng." : null;
			case TEXTAREA, CHECKBOX -> null;
			case DATE -> {
				var date = parseDate(value);
				if (date == null) {
					yield "\"" + label + "\" phải là ngày có thật, viết theo dạng ngày/tháng/năm, ví dụ 05/09/2024.";
				}
				if (field.notFuture() && date.isAfter(today)) {
					yield "\"" + label + "\" không được sau ngày hôm nay.";
				}
				if (date.getYear() < 1900) {
					yield "\"" + label + "\" phải từ năm 1900 trở đi.";
				}
				yield null;
			}
			case CCCD -> {
				var problem = PersonalData.cccdProblem(value);
				yield problem == null ? null : "\"" + label + "\": " + problem;
			}
			case PHONE -> PersonalData.normalisePhone(value) == null
					? "\"" + label + "\" phải là số di động Việt Nam gồm 10 chữ số, ví dụ 0912 345 678." : null;
			case EMAIL -> EMAIL_SHAPE.matcher(value).matches() ? null
					: "\"" + label + "\" không đúng dạng thư điện tử, ví dụ ten@example.com.";
			case NUMBER -> numberProblem(field, value);
			case MONEY -> parseMoney(value) == null
					? "\"" + label + "\" phải là số tiền đồng, không âm, ví dụ 1.500.000." : null;
			case SELECT -> field.options().contains(value) ? null
					: "Vui lòng chọn \"" + label + "\" trong danh sách.";
		};
	}

	/** A whole number within the field's bounds ({@code min}/{@code max} of the e-form, else 0 to 999.999.999). */
	private static @Nullable String numberProblem(FormField field, String value) {
		var label = field.label();
		if (!WHOLE.matcher(value).matches()) {
			return "\"" + label + "\" phải là số nguyên, ví dụ 3.";
		}
		var number = Long.parseLong(value);
		if (number < field.effectiveMin() || number > field.effectiveMax()) {
			return "\"" + label + "\" phải từ " + group(field.effectiveMin()) + " đến " + group(field.effectiveMax()) + " (bạn đã nhập "
					+ group(number) + ").";
		}
		return null;
	}

	/** 1000000 → "1.000.000", as Vietnamese write numbers. */
	private static String group(long n) {
		return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
	}
}
