package vn.xaso.farm.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.jspecify.annotations.Nullable;

import vn.xaso.farm.FarmException;

/** Checks of typed-in text: stripped, within its length, no control characters; refused with the field's message. */
final class FarmText {

	private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

	private FarmText() {
	}

	static String required(@Nullable String value, String field, int min, int max, String key) {
		var v = value == null ? "" : value.strip();
		if (v.length() < min || v.length() > max || v.chars().anyMatch(c -> c < 0x20)) {
			throw new FarmException(field, key);
		}
		return v;
	}

	static double number(@Nullable String value, String field, String key) {
		var v = value == null ? "" : value.strip().replace(',', '.');
		if (!v.matches("-?[0-9]{1,7}(\\.[0-9]{1,3})?")) {
			throw new FarmException(field, key);
		}
		return Double.parseDouble(v);
	}

	static long id(@Nullable String value, String field, String key) {
		if (value == null || !value.strip().matches("[0-9]{1,18}")) {
			throw new FarmException(field, key);
		}
		return Long.parseLong(value.strip());
	}

	/** A day typed as people write it (31/12/2026) or sent by a date field (2026-12-31). */
	static LocalDate day(@Nullable String typed, String field) {
		var text = typed == null ? "" : typed.strip();
		try {
			return text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(text) : LocalDate.parse(text, TYPED_DAY);
		}
		catch (DateTimeParseException e) {
			throw new FarmException(field, "farm.error.day");
		}
	}

	static <E extends Enum<E>> E choice(@Nullable String value, Class<E> type, String field, String key) {
		for (var e : type.getEnumConstants()) {
			if (e.name().equals(value)) {
				return e;
			}
		}
		throw new FarmException(field, key);
	}
}
