package vn.xaso.farm.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A device's secret: 192 random bits, shown once in base64url; only its SHA-256 is kept. A machine secret of that
 * length needs no slow password hash (nothing to guess from a dictionary), and the broker checks it at every
 * connection of hundreds of devices. Compared in constant time.
 */
final class DeviceSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private DeviceSecrets() {
	}

	static String generate() {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean matches(String secret, String hash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
	}
}
