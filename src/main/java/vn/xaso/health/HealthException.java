package vn.xaso.health;

import org.jspecify.annotations.Nullable;

/**
 * A refused health request: {@code field} names the input at fault (or is null), {@code key} is the message key in
 * {@code i18n/health.properties} (Vietnamese, with an English twin), {@code args} its arguments. Nothing was changed.
 */
public class HealthException extends RuntimeException {

	private final @Nullable String field;
	private final String key;
	private final Object[] args;

	public HealthException(@Nullable String field, String key, Object... args) {
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

	/** A question, campaign or person that is not there (or not the caller's): a 404. */
	public boolean notFound() {
		return key.equals("health.error.noQuestion") || key.equals("health.error.noCampaign");
	}
}
