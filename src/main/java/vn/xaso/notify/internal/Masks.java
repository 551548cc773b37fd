package vn.xaso.notify.internal;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.PersonalData;
import vn.xaso.notify.NotifyException;

/** How recipients appear in the delivery log and in log lines. */
public final class Masks {

	private Masks() {
	}

	/** "nguyenvana@gmail.com" → "n•••@gmail.com". */
	public static String email(@Nullable String email) {
		if (email == null || email.isBlank()) {
			return "—";
		}
		int at = email.indexOf('@');
		if (at <= 0) {
			return "•••";
		}
		return email.charAt(0) + "•••" + email.substring(at);
	}

	public static String phone(@Nullable String phone) {
		return PersonalData.maskPhone(phone);
	}

	public static String push(long subscriptionId, @Nullable Long citizenId) {
		return citizenId == null ? NotifyException.vietnamese("notify.text.mask.browser", String.valueOf(subscriptionId))
				: NotifyException.vietnamese("notify.text.mask.citizensBrowser", String.valueOf(subscriptionId), String.valueOf(citizenId));
	}

	/** Free text (provider errors) with phones, identity numbers and e-mail addresses masked, for logs and the delivery log. */
	public static String text(@Nullable String text) {
		var masked = PersonalData.maskAll(text);
		return masked.replaceAll("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)", "$1•••@$2");
	}

	public static String citizen(long citizenId) {
		return NotifyException.vietnamese("notify.text.mask.citizen", String.valueOf(citizenId));
	}
}
