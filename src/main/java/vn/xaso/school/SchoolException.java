package vn.xaso.school;

import org.jspecify.annotations.Nullable;

/**
 * A refused school request: {@code field} names the input at fault (or is null), {@code key} is the message key in
 * {@code i18n/school.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class SchoolException extends RuntimeException {

	private final @Nullable String field;
	private final String key;
	private final Object[] args;

	public SchoolException(@Nullable String field, String key, Object... args) {
		super(key);
		this.field = field;
		this.key = key;
		this.args = args;
	}

	public @Nullable String field() {
		return field;
	}

	public String key() {
		return key;
	}

	public Object[] args() {
		return args.clone();
	}

	/** A school, class, pupil or fee that is not there, or not the caller's: a 404 (so nobody learns it exists). */
	public boolean notFound() {
		return switch (key) {
			case "school.error.noClass", "school.error.noPupil", "school.error.noNote", "school.error.noFee" -> true;
			default -> false;
		};
	}
}
