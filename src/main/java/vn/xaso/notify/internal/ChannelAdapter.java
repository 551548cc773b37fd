package vn.xaso.notify.internal;

import vn.xaso.notify.Channel;

/** One way out. Implementations talk to a real outside service (SMTP server, push service, Zalo, SMS provider). */
public interface ChannelAdapter {

	Channel channel();

	/** Configured and switched on; an unconfigured channel's deliveries are recorded as skipped. */
	boolean enabled();

	/**
	 * Sends one delivery or throws {@link DeliveryFailure}. Must be safe to call again for the same
	 * row after a crash: adapters pass {@link Delivery#idempotencyKey()} to the service where it
	 * has such a field (Message-ID, RequestId, tracking_id, push Topic).
	 */
	void send(Delivery delivery) throws DeliveryFailure;

	/** A claimed row of the outbox, ready to send. {@code address} is the e-mail, phone or push subscription id. */
	record Delivery(long id, String unitCode, Channel channel, String address, String template, java.util.Map<String, String> params,
			String subject, String body, String shortText, @org.jspecify.annotations.Nullable String link, int attempt) {

		/** Stable for this row across retries. */
		public String idempotencyKey() {
			return "xaso-notify-" + id;
		}
	}

	/** Why a send did not work. {@code retry}: worth trying again later; {@code gone}: the push subscription no longer exists. */
	final class DeliveryFailure extends Exception {

		private final boolean retry;
		private final boolean gone;

		public DeliveryFailure(String message, boolean retry, boolean gone) {
			super(message);
			this.retry = retry;
			this.gone = gone;
		}

		public static DeliveryFailure retry(String message) {
			return new DeliveryFailure(message, true, false);
		}

		public static DeliveryFailure permanent(String message) {
			return new DeliveryFailure(message, false, false);
		}

		public boolean retry() {
			return retry;
		}

		public boolean gone() {
			return gone;
		}
	}
}
