package vn.xaso.school;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.KeyedRefusal;

/**
 * A refused school request: {@code field} names the input at fault (null for the whole request), {@code key} is the message key in
 * {@code i18n/school.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class SchoolException extends KeyedRefusal {

	public SchoolException(@Nullable String field, String key, Object... args) {
		super("i18n/school", field, key, args);
	}

	/** A school, class, pupil or fee that is not there, or not the caller's: a 404 (so nobody learns it exists). */
	public boolean notFound() {
		return switch (key()) {
			case "school.error.noClass", "school.error.noPupil", "school.error.noNote", "school.error.noFee" -> true;
			default -> false;
		};
	}
}
