package vn.xaso.signing.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The installation's key for sealing PKCS#12 files at rest with AES-256-GCM. From
 * {@code xaso.signing.master-key} (base64, 32 bytes); else, when {@code xaso.signing.key-wrapping-secret}
 * is set (several replicas), the one key kept in the database wrapped by that secret
 * ({@link SharedMasterKey}); else a key file created once in the data folder with owner-only
 * permissions (0600). Sealed blobs are {@code nonce(12) || ciphertext+tag}, with
 * associated data binding them to their unit.
 */
public final class MasterKey {

	private static final SecureRandom RANDOM = new SecureRandom();
	private final SecretKey key;

	private MasterKey(byte[] raw) {
		if (raw.length != 32) {
			throw new IllegalStateException("xaso.signing.master-key must be 32 bytes (base64), got " + raw.length);
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	public static MasterKey of(@Nullable String base64, Path dataDir) {
		if (base64 != null && !base64.isBlank()) {
			return new MasterKey(Base64.getDecoder().decode(base64.strip()));
		}
		return fromFile(dataDir);
	}

	/** A key from raw bytes (32), as unwrapped from the database by {@link SharedMasterKey}. */
	static MasterKey ofRaw(byte[] raw) {
		return new MasterKey(raw);
	}

	private static MasterKey fromFile(Path dataDir) {
		var file = dataDir.resolve("signing-master.key");
		try {
			Files.createDirectories(dataDir);
			if (!Files.exists(file)) {
				var raw = new byte[32];
				RANDOM.nextBytes(raw);
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
				}
				catch (FileAlreadyExistsException raced) {
					// another start created it first: read theirs
				}
			}
			return new MasterKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read or create " + file, e);
		}
	}

	public byte[] seal(byte[] plain, String context) {
		try {
			var nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			var sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public byte[] open(byte[] sealed, String context) {
		try {
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, 12, sealed.length - 12);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("A sealed signing key could not be opened: wrong master key or altered data", e);
		}
	}
}
