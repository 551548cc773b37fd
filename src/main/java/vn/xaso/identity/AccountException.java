package vn.xaso.identity;

import org.jspecify.annotations.Nullable;

/** A request about an account that cannot be done; the message is for the person, in Vietnamese. */
public class AccountException extends RuntimeException {

	private final @Nullable String field;

	public AccountException(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	public @Nullable String field() {
		return field;
	}
}
