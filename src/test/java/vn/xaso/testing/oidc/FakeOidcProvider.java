package vn.xaso.testing.oidc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local OpenID Connect provider following the OIDC Core contract the way VNeID or Keycloak do
 * for the authorization-code flow: {@code /authorize} (redirects straight back with a code, as if
 * the person had signed in), {@code /token} (client_secret_basic; returns an RS256 id_token with
 * the nonce), {@code /jwks}. The person it vouches for is set by the test with {@link #nextUser}.
 */
public final class FakeOidcProvider {

	public static final String CLIENT_ID = "xaso-test";
	public static final String CLIENT_SECRET = "test-secret";

	public record Person(String subject, String name, String phone, boolean phoneVerified) {
	}

	private static FakeOidcProvider instance;

	private final HttpServer server;
	private final RSAKey key;
	private final Map<String, String[]> codes = new ConcurrentHashMap<>();
	private volatile Person next = new Person("vneid-0001", "Lê Thị Thanh", "0911222333", true);

	private FakeOidcProvider() throws Exception {
		key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/authorize", this::authorize);
		server.createContext("/token", this::token);
		server.createContext("/jwks", ex -> send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
		server.start();
	}

	public static synchronized FakeOidcProvider get() {
		if (instance == null) {
			try {
				instance = new FakeOidcProvider();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return instance;
	}

	public String issuer() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void nextUser(Person person) {
		this.next = person;
	}

	private void authorize(HttpExchange ex) throws IOException {
		var q = query(ex.getRequestURI().getRawQuery());
		if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
			send(ex, 400, "text/plain", "bad request");
			return;
		}
		var code = UUID.randomUUID().toString();
		var person = next;
		codes.put(code, new String[] { q.get("nonce"), person.subject(), person.name(), person.phone(),
				String.valueOf(person.phoneVerified()), q.get("redirect_uri") });
		ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
				+ java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
		send(ex, 302, "text/plain", "");
	}

	private void token(HttpExchange ex) throws IOException {
		var expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		var form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		var grant = codes.remove(form.getOrDefault("code", ""));
		if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization")) || grant == null
				|| !grant[5].equals(form.get("redirect_uri"))) {
			send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
			return;
		}
		try {
			var now = Instant.now();
			var claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(grant[1]).audience(CLIENT_ID)
				.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
				.claim("nonce", grant[0]).claim("name", grant[2]).claim("phone_number", grant[3])
				.claim("phone_number_verified", Boolean.parseBoolean(grant[4])).build();
			var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(key));
			send(ex, 200, "application/json", "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
					+ "\"expires_in\":300,\"scope\":\"openid profile phone\",\"id_token\":\"" + jwt.serialize() + "\"}");
		}
		catch (Exception e) {
			send(ex, 500, "text/plain", e.toString());
		}
	}

	private static Map<String, String> query(String raw) {
		var map = new HashMap<String, String>();
		if (raw == null) {
			return map;
		}
		for (var pair : raw.split("&")) {
			var kv = pair.split("=", 2);
			map.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
		}
		return map;
	}

	private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().add("Content-Type", type);
		ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			ex.getResponseBody().write(bytes);
		}
		ex.close();
	}
}
