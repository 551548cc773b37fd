package vn.xaso.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a procedure's e-form.
 *
 * @param name      machine name, {@code [a-z][a-zA-Z0-9_]{0,39}}, unique in the form
 * @param label     Vietnamese label shown to the citizen
 * @param maxLength longest accepted value in characters (0 = the type's default)
 * @param options   the choices of a {@link FieldType#SELECT}; empty for other types
 * @param notFuture for {@link FieldType#DATE}: the date may not be after today (a birth, a death)
 * @param min       for {@link FieldType#NUMBER}: the smallest accepted value (null: {@link #DEFAULT_MIN})
 * @param max       for {@link FieldType#NUMBER}: the largest accepted value (null: {@link #DEFAULT_MAX})
 * @param prefill   what a new form shows in the field before the citizen types (the usual answer, e.g. "Kinh"
 *                  for ethnicity); the citizen can change it; {@code null} for none
 */
public record FormField(String name, String label, FieldType type, boolean required, @Nullable String help,
		int maxLength, List<String> options, boolean notFuture, @Nullable Long min, @Nullable Long max,
		@Nullable String prefill) {

	/** Bounds of a number field that declares none: whole numbers that fit every quantity the platform computes with. */
	public static final long DEFAULT_MIN = 0;
	public static final long DEFAULT_MAX = 999_999_999;

	/** A field without number bounds of its own. */
	public FormField(String name, String label, FieldType type, boolean required, @Nullable String help, int maxLength,
			List<String> options, boolean notFuture, @Nullable String prefill) {
		this(name, label, type, required, help, maxLength, options, notFuture, null, null, prefill);
	}

	/** A field without a pre-filled answer. */
	public FormField(String name, String label, FieldType type, boolean required, @Nullable String help, int maxLength,
			List<String> options, boolean notFuture, @Nullable Long min, @Nullable Long max) {
		this(name, label, type, required, help, maxLength, options, notFuture, min, max, null);
	}

	public static final String NAME_PATTERN = "[a-z][a-zA-Z0-9_]{0,39}";
	/** Compiled once: every procedure read from the catalogue builds its fields again. */
	private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(NAME_PATTERN);

	public FormField {
		options = List.copyOf(options);
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("bad field name: " + name);
		}
		if (maxLength < 0) {
			throw new IllegalArgumentException("negative maxLength");
		}
		if (min != null && max != null && min > max) {
			throw new IllegalArgumentException("min > max in field " + name);
		}
	}

	public FormField(String name, String label, FieldType type, boolean required, @Nullable String help,
			int maxLength, List<String> options, boolean notFuture) {
		this(name, label, type, required, help, maxLength, options, notFuture, null, null);
	}

	/** The smallest value a number field accepts. */
	public long effectiveMin() {
		return min != null ? min : DEFAULT_MIN;
	}

	/** The largest value a number field accepts. */
	public long effectiveMax() {
		return max != null ? max : DEFAULT_MAX;
	}

	public FormField(String name, String label, FieldType type, boolean required, @Nullable String help,
			int maxLength, List<String> options) {
		this(name, label, type, required, help, maxLength, options, false, null, null, null);
	}

	/** The longest value accepted: the field's own limit, or the type's default. */
	public int effectiveMaxLength() {
		if (maxLength > 0) {
			return maxLength;
		}
		return switch (type) {
			case TEXTAREA -> 2000;
			case DATE -> 10;
			case CCCD -> 12;
			case PHONE -> 20;
			case EMAIL -> 254;
			case NUMBER, MONEY -> 20;
			case CHECKBOX -> 10;
			case TEXT, SELECT -> 200;
		};
	}
}
