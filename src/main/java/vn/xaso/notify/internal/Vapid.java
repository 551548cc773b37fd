package vn.xaso.notify.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.Json;

/**
 * Voluntary Application Server Identification for web push (RFC 8292). The installation's P-256
 * key pair is created on first use and kept in {@code notify_vapid_key}; every push carries
 * {@code Authorization: vapid t=<ES256 JWT>, k=<public key>} with the push service's origin as
 * audience, a 12-hour expiry and {@code xaso.notify.push.subject} (mailto: or https:) as subject.
 */
@Component
public class Vapid {

	static final Duration VALIDITY = Duration.ofHours(12);
	private static final JsonMapper JSON = Json.MAPPER;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final String subject;
	private volatile KeyPair keys;

	Vapid(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${xaso.notify.push.subject:mailto:quantri@xaso.local}") String subject) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.subject = subject.strip();
	}

	/** The public key browsers pass to {@code pushManager.subscribe} as applicationServerKey (base64url, 65 bytes). */
	public String publicKey() {
		return WebPushCrypto.base64Url(WebPushCrypto.uncompressed((ECPublicKey) keys().getPublic()));
	}

	public String authorization(String endpoint, Instant now) {
		var uri = URI.create(endpoint);
		var audience = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
		var header = WebPushCrypto.base64Url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
		var claims = new java.util.LinkedHashMap<String, Object>();
		claims.put("aud", audience);
		claims.put("exp", now.plus(VALIDITY).getEpochSecond());
		claims.put("sub", subject);
		var payload = WebPushCrypto.base64Url(JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8));
		var signingInput = header + "." + payload;
		try {
			var signature = Signature.getInstance("SHA256withECDSAinP1363Format");
			signature.initSign(keys().getPrivate());
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			var jwt = signingInput + "." + WebPushCrypto.base64Url(signature.sign());
			return "vapid t=" + jwt + ", k=" + publicKey();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private KeyPair keys() {
		var k = keys;
		if (k == null) {
			synchronized (this) {
				if (keys == null) {
					keys = loadOrCreate();
				}
				k = keys;
			}
		}
		return k;
	}

	private KeyPair loadOrCreate() {
		return tx.execute(s -> {
			var fresh = WebPushCrypto.generate();
			// first installation wins; a concurrent start keeps the stored pair
			jdbc.sql("insert into notify_vapid_key (id, public_key, private_key) values (1, ?, ?) on conflict (id) do nothing")
				.params(WebPushCrypto.base64Url(WebPushCrypto.uncompressed((ECPublicKey) fresh.getPublic())),
						WebPushCrypto.base64Url(WebPushCrypto.raw((ECPrivateKey) fresh.getPrivate())))
				.update();
			return jdbc.sql("select public_key, private_key from notify_vapid_key where id = 1")
				.query((rs, n) -> WebPushCrypto.keyPair(WebPushCrypto.fromBase64Url(rs.getString(2)),
						WebPushCrypto.fromBase64Url(rs.getString(1))))
				.single();
		});
	}
}
