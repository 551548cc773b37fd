package vn.xaso.notify;

import org.jspecify.annotations.Nullable;

/**
 * Who a notice is for. A citizen id brings that citizen's channel preferences and consents; the
 * e-mail address and phone given here are used when the citizen has not saved their own (a
 * citizen's saved e-mail address wins). Without a citizen id only e-mail is used.
 */
public record Recipient(@Nullable Long citizenId, @Nullable String email, @Nullable String phone, @Nullable String name) {

	public static Recipient citizen(long citizenId) {
		return new Recipient(citizenId, null, null, null);
	}

	public static Recipient email(String email, @Nullable String name) {
		return new Recipient(null, email, null, name);
	}
}
