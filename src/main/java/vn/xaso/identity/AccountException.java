package vn.xaso.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/**
 * A request about an account that cannot be done. The message is a key of the identity bundle
 * ({@code i18n/identity}): {@link #getMessage()} is its Vietnamese text, pages show {@link #localMessage()}.
 */
public class AccountException extends Refusal {

	static final String BUNDLE = "i18n/identity";

	private final boolean wholeRequest;

	/** A message already written out (kept for texts that come from elsewhere). */
	public AccountException(@Nullable String field, String message) {
		super(field == null ? "" : field, message);
		this.wholeRequest = field == null;
	}

	/** A refusal with the identity bundle's message {@code text} (for subclasses). */
	protected AccountException(@Nullable String field, Text text) {
		super(BUNDLE, Map.of(field == null ? "" : field, text));
		this.wholeRequest = field == null;
	}

	/** A refusal of {@code field} (null: the whole request) with the message {@code key} of the identity bundle. */
	public static AccountException of(@Nullable String field, String key, Object... args) {
		return new AccountException(field, new Text(key, args));
	}

	/** The form field at fault, or null when the message is about the whole request. */
	@Override
	public @Nullable String field() {
		return wholeRequest ? null : super.field();
	}
}
