package vn.xaso.platform.messaging;

/**
 * The port through which the platform sends a short text to a phone (one-time codes, reminders).
 * Adapters for SMS and Zalo OA implement it in the notification module; without one, the
 * {@link DemoTextMessages} outbox keeps messages so the demo can show them on screen.
 */
public interface TextMessages {

	void send(String phone, String text);
}
