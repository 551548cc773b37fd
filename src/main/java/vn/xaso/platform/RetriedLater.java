package vn.xaso.platform;

/**
 * Thrown by an event listener whose work failed in an expected way (a mail server down, a provider refusing)
 * and will be retried, only so the event publication stays incomplete. The listener has already logged the
 * reason in one line (with the attempt number); the asynchronous listener's failure handler does not log it
 * again and it carries no stack trace.
 */
public class RetriedLater extends RuntimeException {

	public RetriedLater(String message) {
		super(message, null, false, false);
	}
}
