package vn.xaso.notify;

import java.util.Map;

import vn.xaso.platform.Refusal;

/**
 * A notice that cannot be queued: unknown template, a placeholder without a value, a bad dedupe
 * key. Thrown by {@link Notifications#send} in the caller's thread, so the mistake surfaces at once.
 * {@link #of} names a message of the notify bundle ({@code i18n/notify}).
 */
public class NotifyException extends Refusal {

	static final String BUNDLE = "i18n/notify";

	public NotifyException(String field, String message) {
		super(field, message);
	}

	/** Messages of the notify bundle by field (for subclasses, e.g. a push subscription's bad fields). */
	protected NotifyException(Map<String, Text> texts) {
		super(BUNDLE, texts);
	}

	/** A refusal of {@code field} with the message {@code key} of the notify bundle. */
	public static NotifyException of(String field, String key, Object... args) {
		return new NotifyException(Map.of(field, new Text(key, args)));
	}

	/**
	 * The Vietnamese text of the notify bundle's message {@code key}: for texts kept in the delivery log and the audit
	 * trail, and for what goes out in a message (the commune's language).
	 */
	public static String vietnamese(String key, Object... args) {
		return Refusal.bundleText(BUNDLE, key, args);
	}
}
