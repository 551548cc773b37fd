package vn.xaso.farm;

import org.jspecify.annotations.Nullable;

/**
 * A refused farm request: {@code field} names the input at fault (or is null), {@code key} is the message key in
 * {@code i18n/farm.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class FarmException extends RuntimeException {

	private final @Nullable String field;
	private final String key;
	private final Object[] args;

	public FarmException(@Nullable String field, String key, Object... args) {
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
}
