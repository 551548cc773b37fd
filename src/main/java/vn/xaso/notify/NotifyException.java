package vn.xaso.notify;

/**
 * A notice that cannot be queued: unknown template, a placeholder without a value, a bad dedupe
 * key. Thrown by {@link Notifications#send} in the caller's thread, so the mistake surfaces at once.
 */
public class NotifyException extends RuntimeException {

	private final String field;

	public NotifyException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
