package vn.xaso.notify;

/** The ways a message can reach a person. */
public enum Channel {
	/** E-mail over SMTP. */
	EMAIL,
	/** Web push to a browser or installed app (VAPID, RFC 8291 encryption). */
	WEB_PUSH,
	/** Zalo Notification Service (ZNS) template message to the phone's Zalo account. */
	ZALO,
	/** SMS through a brandname SMS provider. */
	SMS,
	/**
	 * A text message to a phone number the caller gives (a person without a citizen account, e.g. a commune's first
	 * administrator invited by the province), through the platform's text port: the SMS provider, else Zalo ZNS,
	 * else the demo outbox.
	 */
	TEXT
}
