package vn.xaso.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks the signature of a bank notification: header {@code X-XaSo-Timestamp} (Unix seconds) and
 * {@code X-XaSo-Signature: sha256=<hex>} where hex = HMAC-SHA256(secret, timestamp + "." + raw body).
 * The timestamp is inside the signed text so it cannot be changed; a timestamp further than the
 * tolerance from the server clock is refused (an old captured request cannot be replayed later).
 * Comparison is constant-time.
 */
@Component
public class WebhookSignatures {

	public static final String TIMESTAMP_HEADER = "X-XaSo-Timestamp";
	public static final String SIGNATURE_HEADER = "X-XaSo-Signature";
	/**
	 * Used only when no secret is configured and the demo is loaded ({@code xaso.demo.load=true}), so
	 * the demo and the tests can talk to the webhook. Public: never use it for real money.
	 */
	public static final String DEMO_SECRET = "XaSo-demo-bank-webhook-secret-2026";

	private static final Logger log = LoggerFactory.getLogger(WebhookSignatures.class);

	public enum Check {
		OK, MISSING, BAD_FORMAT, STALE, WRONG, NOT_CONFIGURED
	}

	private final byte @Nullable [] secret;
	private final Duration tolerance;
	private final Clock clock;

	WebhookSignatures(Environment env, Clock clock) {
		var configured = env.getProperty("xaso.payments.webhook-secret", "");
		if (configured.isBlank() && env.getProperty("xaso.demo.load", Boolean.class, false)) {
			log.warn("xaso.payments.webhook-secret is empty: the bank webhook accepts the PUBLIC demo secret (demo only)");
			configured = DEMO_SECRET;
		}
		this.secret = configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
		this.tolerance = env.getProperty("xaso.payments.webhook-tolerance", Duration.class, Duration.ofMinutes(5));
		this.clock = clock;
	}

	public static String sign(byte[] secret, String timestamp, byte[] body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	public Check verify(@Nullable String timestamp, @Nullable String signature, byte[] body) {
		if (secret == null) {
			return Check.NOT_CONFIGURED;
		}
		if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
			return Check.MISSING;
		}
		if (!timestamp.matches("[0-9]{1,12}") || !signature.strip().toLowerCase(Locale.ROOT).matches("sha256=[0-9a-f]{64}")) {
			return Check.BAD_FORMAT;
		}
		long sent = Long.parseLong(timestamp);
		long now = clock.instant().getEpochSecond();
		if (Math.abs(now - sent) > tolerance.toSeconds()) {
			return Check.STALE;
		}
		var expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		var given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Check.OK : Check.WRONG;
	}
}
