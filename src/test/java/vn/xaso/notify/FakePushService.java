package vn.xaso.notify;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for a browser vendor's push service (RFC 8030) and the browsers behind it:
 * each {@link Browser} has its own P-256 key pair and auth secret, like a real subscription.
 * Every push is checked as a push service checks it — the VAPID JWT's ES256 signature against
 * the {@code k} key, its audience and expiry (RFC 8292) — and then DECRYPTED with the browser's
 * private key per RFC 8291, written here independently of the production code. Endpoints ending
 * in "/gone" answer 410 like an expired subscription. Not a real push service.
 */
final class FakePushService implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final java.security.spec.ECParameterSpec P256;

	static {
		try {
			var parameters = java.security.AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			P256 = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
		}
		catch (java.security.GeneralSecurityException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	record Browser(String name, KeyPair keys, byte[] auth) {

		String p256dh() {
			var w = ((ECPublicKey) keys.getPublic()).getW();
			return b64(concat(new byte[] { 4 }, fixed(w.getAffineX()), fixed(w.getAffineY())));
		}

		String authSecret() {
			return b64(auth);
		}
	}

	/** A push as the browser saw it after decryption. */
	record Received(String browser, JsonNode message, Map<String, String> headers, JsonNode vapidClaims) {
	}

	private final HttpServer server;
	private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
	final List<Received> received = new CopyOnWriteArrayList<>();
	final List<String> rejected = new CopyOnWriteArrayList<>();

	FakePushService() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/push/", exchange -> {
			int status;
			try {
				var name = exchange.getRequestURI().getPath().substring("/push/".length());
				var body = exchange.getRequestBody().readAllBytes();
				if (name.endsWith("gone")) {
					status = 410;
				}
				else {
					var browser = browsers.get(name);
					var headers = Map.of("TTL", String.valueOf(exchange.getRequestHeaders().getFirst("TTL")),
							"Content-Encoding", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Encoding")),
							"Topic", String.valueOf(exchange.getRequestHeaders().getFirst("Topic")),
							"Urgency", String.valueOf(exchange.getRequestHeaders().getFirst("Urgency")));
					var claims = verifyVapid(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
					if (browser == null) {
						status = 404;
					}
					else if (!"aes128gcm".equals(headers.get("Content-Encoding"))) {
						throw new IllegalStateException("Content-Encoding must be aes128gcm");
					}
					else {
						var plain = decrypt(body, browser);
						received.add(new Received(name, JSON.readTree(new String(plain, StandardCharsets.UTF_8)), headers, claims));
						status = 201;
					}
				}
			}
			catch (Exception e) {
				rejected.add(e.toString());
				status = 400;
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	Browser browser(String name) throws Exception {
		var generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		var auth = new byte[16];
		new SecureRandom().nextBytes(auth);
		var b = new Browser(name, generator.generateKeyPair(), auth);
		browsers.put(name, b);
		return b;
	}

	String origin() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	String endpoint(String name) {
		return origin() + "/push/" + name;
	}

	/** RFC 8292 §2-3: "vapid t=<JWT>, k=<key>", ES256 over header.payload with the k key; aud = our origin; exp within 24 h. */
	private JsonNode verifyVapid(String authorization) throws Exception {
		var m = java.util.regex.Pattern.compile("vapid t=([A-Za-z0-9_\\-.]+), k=([A-Za-z0-9_\\-]+)").matcher(authorization);
		if (!m.matches()) {
			throw new IllegalStateException("Authorization is not 'vapid t=…, k=…': " + authorization);
		}
		var jwt = m.group(1).split("\\.");
		var header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
		if (!"ES256".equals(header.path("alg").asString())) {
			throw new IllegalStateException("alg must be ES256");
		}
		var key = unb64(m.group(2));
		var publicKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1,
				Arrays.copyOfRange(key, 1, 33)), new BigInteger(1, Arrays.copyOfRange(key, 33, 65))),
				P256));
		var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
		verifier.initVerify(publicKey);
		verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		if (!verifier.verify(unb64(jwt[2]))) {
			throw new IllegalStateException("VAPID signature does not verify");
		}
		var claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
		if (!origin().equals(claims.path("aud").asString())) {
			throw new IllegalStateException("aud " + claims.path("aud") + " is not " + origin());
		}
		long exp = claims.path("exp").asLong();
		long now = Instant.now().getEpochSecond();
		if (exp <= now || exp > now + 24 * 3600) {
			throw new IllegalStateException("exp out of range");
		}
		var sub = claims.path("sub").asString();
		if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
			throw new IllegalStateException("sub must be mailto: or https:");
		}
		return claims;
	}

	/** RFC 8291 §3.4 + RFC 8188, receiving side. */
	static byte[] decrypt(byte[] body, Browser browser) throws Exception {
		var in = ByteBuffer.wrap(body);
		var salt = new byte[16];
		in.get(salt);
		int rs = in.getInt();
		int idlen = in.get() & 0xff;
		var asPublic = new byte[idlen];
		in.get(asPublic);
		var ciphertext = new byte[in.remaining()];
		in.get(ciphertext);
		if (rs < 18 || ciphertext.length > rs) {
			throw new IllegalStateException("record size");
		}
		var uaPublic = unb64(browser.p256dh());
		var asKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(new BigInteger(1,
				Arrays.copyOfRange(asPublic, 1, 33)), new BigInteger(1, Arrays.copyOfRange(asPublic, 33, 65))),
				((ECPublicKey) browser.keys().getPublic()).getParams()));
		var ka = KeyAgreement.getInstance("ECDH");
		ka.init(browser.keys().getPrivate());
		ka.doPhase(asKey, true);
		var ecdh = ka.generateSecret();
		var prkKey = hmac(browser.auth(), ecdh);
		var ikm = hmac(prkKey, concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[] { 1 }));
		var prk = hmac(salt, ikm);
		var cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)), 16);
		var nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
		var cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		var padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new IllegalStateException("last record must end with delimiter 0x02");
		}
		return Arrays.copyOf(padded, end);
	}

	static byte[] hmac(byte[] key, byte[] data) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	static byte[] concat(byte[]... parts) {
		var out = new java.io.ByteArrayOutputStream();
		for (var p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	static byte[] fixed(BigInteger v) {
		var b = v.toByteArray();
		var out = new byte[32];
		System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length), Math.min(32, b.length));
		return out;
	}

	static String b64(byte[] b) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static byte[] unb64(String s) {
		return Base64.getUrlDecoder().decode(s);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
