package vn.xaso.notify;

import vn.xaso.platform.Refusal;

/**
 * A notice that cannot be queued: unknown template, a placeholder without a value, a bad dedupe
 * key. Thrown by {@link Notifications#send} in the caller's thread, so the mistake surfaces at once.
 */
public class NotifyException extends Refusal {

	public NotifyException(String field, String message) {
		super(field, message);
	}
}
