package vn.xaso.signing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.signing.internal.KeySigner;

/**
 * A local stand-in for a remote signing provider that follows the Cloud Signature Consortium API v2:
 * info, auth/login (HTTP Basic), credentials/list, credentials/info, credentials/authorize (PIN → SAD) and
 * signatures/signHash (sha256WithRSA over the given hash). One credential, one key, on 127.0.0.1.
 */
final class FakeCscService implements AutoCloseable {

	static final String USER = "yenmo";
	static final String PASSWORD = "csc-secret";
	static final String CREDENTIAL = "cred-yenmo-001";
	static final String PIN = "4321";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpServer server;
	final AtomicInteger signHashCalls = new AtomicInteger();
	private final KeySigner key;
	private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
	private final Map<String, Boolean> sads = new ConcurrentHashMap<>();

	FakeCscService(KeySigner key) throws IOException {
		this.key = key;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/csc/v2/", this::handle);
		server.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	@SuppressWarnings("unchecked")
	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			var path = exchange.getRequestURI().getPath().substring("/csc/v2/".length());
			var raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, Object> body = raw.isBlank() ? Map.of() : JSON.readValue(raw, Map.class);
			if (path.equals("info")) {
				reply(exchange, 200, Map.of("specs", "2.0.0.0", "name", "XaSo fake CSC", "authType", List.of("basic"),
						"methods", List.of("auth/login", "credentials/list", "credentials/info", "credentials/authorize",
								"signatures/signHash")));
				return;
			}
			if (path.equals("auth/login")) {
				var expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
				if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
					reply(exchange, 401, Map.of("error", "invalid_request", "error_description", "sai tài khoản"));
					return;
				}
				var token = UUID.randomUUID().toString();
				tokens.put(token, true);
				reply(exchange, 200, Map.of("access_token", token, "expires_in", 3600));
				return;
			}
			var auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
			if (!auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
				reply(exchange, 401, Map.of("error", "invalid_token"));
				return;
			}
			switch (path) {
				case "credentials/list" -> reply(exchange, 200, Map.of("credentialIDs", List.of(CREDENTIAL)));
				case "credentials/info" -> {
					if (!CREDENTIAL.equals(body.get("credentialID"))) {
						reply(exchange, 400, Map.of("error", "invalid_request", "error_description", "Invalid credentialID"));
						return;
					}
					var certs = key.certificateChain().stream().map(c -> {
						try {
							return Base64.getEncoder().encodeToString(c.getEncoded());
						}
						catch (Exception e) {
							throw new IllegalStateException(e);
						}
					}).toList();
					reply(exchange, 200, Map.of("key", Map.of("status", "enabled", "algo", List.of("1.2.840.113549.1.1.1"), "len", 2048),
							"cert", Map.of("status", "valid", "certificates", certs), "authMode", "explicit",
							"PIN", Map.of("presence", "true", "format", "N")));
				}
				case "credentials/authorize" -> {
					if (!PIN.equals(body.get("PIN"))) {
						reply(exchange, 400, Map.of("error", "invalid_pin", "error_description", "Mã PIN không đúng"));
						return;
					}
					var sad = UUID.randomUUID().toString();
					sads.put(sad, true);
					reply(exchange, 200, Map.of("SAD", sad, "expiresIn", 300));
				}
				case "signatures/signHash" -> {
					if (sads.remove(String.valueOf(body.get("SAD"))) == null) {
						reply(exchange, 400, Map.of("error", "invalid_request", "error_description", "Invalid SAD"));
						return;
					}
					if (!"1.2.840.113549.1.1.11".equals(body.get("signAlgo"))) {
						reply(exchange, 400, Map.of("error", "invalid_request", "error_description", "Unsupported signAlgo"));
						return;
					}
					signHashCalls.incrementAndGet();
					var hashes = (List<String>) body.get("hashes");
					var signatures = hashes.stream().map(h -> signHash(Base64.getDecoder().decode(h))).toList();
					reply(exchange, 200, Map.of("signatures", signatures));
				}
				default -> reply(exchange, 404, Map.of("error", "not_found"));
			}
		}
		catch (Exception e) {
			reply(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
		}
	}

	/** PKCS#1 v1.5 over DigestInfo(SHA-256, hash): what sha256WithRSA signs, given only the hash. */
	private String signHash(byte[] hash) {
		try {
			var info = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), hash);
			var field = KeySigner.class.getDeclaredField("key");
			field.setAccessible(true);
			var privateKey = (java.security.PrivateKey) field.get(key);
			var rsa = Signature.getInstance("NONEwithRSA");
			rsa.initSign(privateKey);
			rsa.update(info.getEncoded());
			return Base64.getEncoder().encodeToString(rsa.sign());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		var bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
