package vn.xaso.notify.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for web push, RFC 8291 ("aes128gcm" content coding of RFC 8188), with the
 * JDK only: ECDH on P-256 between a fresh sender key and the browser's {@code p256dh} key,
 * HKDF-SHA256 with the browser's 16-byte {@code auth} secret, AES-128-GCM, one record of at most
 * 4096 bytes. Also the P-256 key helpers VAPID needs.
 */
public final class WebPushCrypto {

	/** Record size announced in the header; one record holds the whole message. */
	public static final int RECORD_SIZE = 4096;
	/** The largest plaintext that fits one record: 4096 − 16 (GCM tag) − 1 (delimiter) − 86 (header counts outside). */
	public static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1;

	static final ECParameterSpec P256;
	private static final SecureRandom RANDOM = new SecureRandom();

	static {
		try {
			var parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			P256 = parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private WebPushCrypto() {
	}

	public static KeyPair generate() {
		try {
			var generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Encrypts with a fresh sender key and salt. */
	public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
		var salt = new byte[16];
		RANDOM.nextBytes(salt);
		return encrypt(plaintext, uaPublic, authSecret, generate(), salt);
	}

	/** Encrypts with the given sender key pair and salt (fixed only in the RFC 8291 test vector). */
	public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
		if (plaintext.length > MAX_PLAINTEXT) {
			throw new IllegalArgumentException("Push message too long: " + plaintext.length + " bytes");
		}
		if (authSecret.length != 16 || salt.length != 16) {
			throw new IllegalArgumentException("auth secret and salt must be 16 bytes");
		}
		try {
			var asPublic = uncompressed((ECPublicKey) sender.getPublic());
			var agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(sender.getPrivate());
			agreement.doPhase(publicKey(uaPublic), true);
			var ecdhSecret = agreement.generateSecret();
			// RFC 8291 §3.4: PRK_key = HMAC(auth, ecdh); IKM = HMAC(PRK_key, "WebPush: info" 0x00 ua_public as_public 0x01)
			var prkKey = hmac(authSecret, ecdhSecret);
			var keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 }, uaPublic, asPublic,
					new byte[] { 1 });
			var ikm = hmac(prkKey, keyInfo);
			// RFC 8188 §2.2-2.3
			var prk = hmac(salt, ikm);
			var cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
					new byte[] { 0, 1 })), 16);
			var nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
					new byte[] { 0, 1 })), 12);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			var ciphertext = cipher.doFinal(concat(plaintext, new byte[] { 2 })); // last record: delimiter 0x02, no padding
			return ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + ciphertext.length)
				.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(ciphertext).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("Cannot encrypt for this subscription: " + e.getMessage(), e);
		}
	}

	/** The browser's key from its 65-byte uncompressed form (0x04 ‖ X ‖ Y); rejects points off the curve. */
	public static ECPublicKey publicKey(byte[] uncompressed) {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new IllegalArgumentException("Not an uncompressed P-256 point");
		}
		var x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33));
		var y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65));
		// the JDK does not check that the point lies on the curve: do it (invalid-curve attacks)
		var p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
		var a = P256.getCurve().getA();
		var b = P256.getCurve().getB();
		if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
				|| !y.modPow(BigInteger.TWO, p).equals(x.pow(3).add(a.multiply(x)).add(b).mod(p))) {
			throw new IllegalArgumentException("The point is not on the P-256 curve");
		}
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("Not a P-256 public key: " + e.getMessage(), e);
		}
	}

	public static ECPrivateKey privateKey(byte[] d) {
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), P256));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** A key pair from its raw forms (32-byte private scalar, 65-byte public point). */
	public static KeyPair keyPair(byte[] d, byte[] uncompressedPublic) {
		return new KeyPair(publicKey(uncompressedPublic), privateKey(d));
	}

	public static byte[] uncompressed(ECPublicKey key) {
		return concat(new byte[] { 4 }, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
	}

	public static byte[] raw(ECPrivateKey key) {
		return fixed(key.getS());
	}

	static byte[] fixed(BigInteger value) {
		var bytes = value.toByteArray();
		if (bytes.length == 32) {
			return bytes;
		}
		var out = new byte[32];
		if (bytes.length > 32) {
			System.arraycopy(bytes, bytes.length - 32, out, 0, 32);
		}
		else {
			System.arraycopy(bytes, 0, out, 32 - bytes.length, bytes.length);
		}
		return out;
	}

	static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	static byte[] concat(byte[]... parts) {
		int n = 0;
		for (var p : parts) {
			n += p.length;
		}
		var out = new byte[n];
		int i = 0;
		for (var p : parts) {
			System.arraycopy(p, 0, out, i, p.length);
			i += p.length;
		}
		return out;
	}

	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Decodes base64url with or without padding (browsers send it without). */
	public static byte[] fromBase64Url(String text) {
		return Base64.getUrlDecoder().decode(text.strip().replace('+', '-').replace('/', '_').replace("=", ""));
	}
}
