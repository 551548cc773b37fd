package vn.xaso.identity;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/** A request about an account that cannot be done; the message is for the person, in Vietnamese. */
public class AccountException extends Refusal {

	private final boolean wholeRequest;

	public AccountException(@Nullable String field, String message) {
		super(field == null ? "" : field, message);
		this.wholeRequest = field == null;
	}

	/** The form field at fault, or null when the message is about the whole request. */
	@Override
	public @Nullable String field() {
		return wholeRequest ? null : super.field();
	}
}
