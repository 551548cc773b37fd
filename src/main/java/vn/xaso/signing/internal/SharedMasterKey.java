package vn.xaso.signing.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The master key shared by every replica of a province: one row in {@code signing_master_key}, created by
 * whichever replica needs it first ({@code on conflict do nothing}, then everyone reads the winner's row),
 * wrapped with AES-256-GCM under a key derived from the configured secret (PBKDF2-HMAC-SHA256, 310,000
 * rounds, a random salt kept beside it). The database alone never holds enough to open a signing key.
 */
final class SharedMasterKey {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final int ROUNDS = 310_000;
	private static final byte[] CONTEXT = "xaso.signing.master-key.v1".getBytes(StandardCharsets.UTF_8);

	private SharedMasterKey() {
	}

	static MasterKey load(JdbcClient jdbc, String secret) {
		if (secret.strip().length() < 16) {
			throw new IllegalStateException("xaso.signing.key-wrapping-secret must be at least 16 characters");
		}
		var salt = new byte[16];
		RANDOM.nextBytes(salt);
		var raw = new byte[32];
		RANDOM.nextBytes(raw);
		jdbc.sql("insert into signing_master_key (id, salt, wrapped) values (1, :salt, :wrapped) on conflict (id) do nothing")
			.param("salt", salt)
			.param("wrapped", wrap(raw, secret, salt))
			.update();
		var row = jdbc.sql("select salt, wrapped from signing_master_key where id = 1")
			.query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) })
			.single();
		return MasterKey.ofRaw(unwrap(row[1], secret, row[0]));
	}

	static byte[] wrap(byte[] raw, String secret, byte[] salt) {
		try {
			var nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, derive(secret, salt), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(CONTEXT);
			var sealed = cipher.doFinal(raw);
			var out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return out;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] unwrap(byte[] wrapped, String secret, byte[] salt) {
		try {
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, derive(secret, salt), new GCMParameterSpec(128, wrapped, 0, 12));
			cipher.updateAAD(CONTEXT);
			return cipher.doFinal(wrapped, 12, wrapped.length - 12);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The shared signing master key cannot be opened: xaso.signing.key-wrapping-secret "
					+ "differs from the one the first replica used", e);
		}
	}

	private static SecretKeySpec derive(String secret, byte[] salt) throws GeneralSecurityException {
		var spec = new PBEKeySpec(secret.strip().toCharArray(), salt, ROUNDS, 256);
		var bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		return new SecretKeySpec(bytes, "AES");
	}
}
