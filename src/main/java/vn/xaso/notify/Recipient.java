package vn.xaso.notify;

import org.jspecify.annotations.Nullable;

/**
 * Who a notice is for. A citizen id brings that citizen's channel preferences and consents; the
 * e-mail address and phone given here are used when the citizen has not saved their own (a
 * citizen's saved e-mail address wins). Without a citizen id the given e-mail address is used and, for a
 * {@link #person} (someone without a citizen account, e.g. a commune's first administrator), the given phone by
 * {@link Channel#TEXT}.
 */
public record Recipient(@Nullable Long citizenId, @Nullable String email, @Nullable String phone, @Nullable String name,
		boolean textToPhone) {

	public Recipient(@Nullable Long citizenId, @Nullable String email, @Nullable String phone, @Nullable String name) {
		this(citizenId, email, phone, name, false);
	}

	/** A person without a citizen account, reached by text message on {@code phone} and, when given, by e-mail. */
	public static Recipient person(String phone, @Nullable String email, @Nullable String name) {
		return new Recipient(null, email, phone, name, true);
	}

	public static Recipient citizen(long citizenId) {
		return new Recipient(citizenId, null, null, null);
	}

	public static Recipient email(String email, @Nullable String name) {
		return new Recipient(null, email, null, name);
	}
}
