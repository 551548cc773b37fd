package vn.xaso.signing.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.Json;
import vn.xaso.signing.Signer;
import vn.xaso.signing.SigningException;

/**
 * A client of the Cloud Signature Consortium API v2 (remote signing): authenticates (auth/login with HTTP
 * Basic, or an OAuth2 client-credentials token), lists credentials, reads a credential's certificates,
 * authorises it (SAD) and signs SHA-256 hashes with signatures/signHash.
 */
public final class CscClient {

	/** sha256WithRSAEncryption and SHA-256, the algorithms this client asks for. */
	public static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
	public static final String SHA256 = "2.16.840.1.101.3.4.2.1";

	public record Settings(URI baseUrl, @Nullable String username, @Nullable String password, @Nullable URI tokenUrl,
			@Nullable String clientId, @Nullable String clientSecret) {
	}

	private static final JsonMapper JSON = Json.MAPPER;

	private final Settings settings;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private @Nullable String accessToken;

	public CscClient(Settings settings) {
		this.settings = settings;
	}

	/** GET-like call to /csc/v2/info (no authentication): the service's name and supported methods. */
	public Map<String, Object> info() {
		return post("info", Map.of(), false);
	}

	public List<String> credentials() {
		var response = post("credentials/list", Map.of(), true);
		var ids = new ArrayList<String>();
		if (response.get("credentialIDs") instanceof List<?> list) {
			list.forEach(id -> ids.add(String.valueOf(id)));
		}
		return ids;
	}

	public Signer signer(String credentialId, @Nullable String pin) {
		var response = post("credentials/info", Map.of("credentialID", credentialId, "certificates", "chain"), true);
		var chain = new ArrayList<X509Certificate>();
		if (response.get("cert") instanceof Map<?, ?> cert && cert.get("certificates") instanceof List<?> list) {
			for (var item : list) {
				chain.add(Certificates.fromDer(Base64.getDecoder().decode(String.valueOf(item))));
			}
		}
		if (chain.isEmpty()) {
			throw SigningException.of("signing.error.cscNoCertificate", credentialId);
		}
		var certificates = List.copyOf(chain);
		return new Signer() {
			@Override
			public List<X509Certificate> certificateChain() {
				return certificates;
			}

			@Override
			public String algorithm() {
				return "SHA256withRSA";
			}

			@Override
			public byte[] sign(byte[] data) {
				try {
					var hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
					var authorize = new LinkedHashMap<String, Object>();
					authorize.put("credentialID", credentialId);
					authorize.put("numSignatures", 1);
					authorize.put("hashes", List.of(hash));
					authorize.put("hashAlgorithmOID", SHA256);
					if (pin != null) {
						authorize.put("PIN", pin);
					}
					var sad = String.valueOf(post("credentials/authorize", authorize, true).get("SAD"));
					var request = new LinkedHashMap<String, Object>();
					request.put("credentialID", credentialId);
					request.put("SAD", sad);
					request.put("hashes", List.of(hash));
					request.put("hashAlgorithmOID", SHA256);
					request.put("signAlgo", SHA256_WITH_RSA);
					var response = post("signatures/signHash", request, true);
					if (response.get("signatures") instanceof List<?> signatures && !signatures.isEmpty()) {
						return Base64.getDecoder().decode(String.valueOf(signatures.getFirst()));
					}
					throw SigningException.of("signing.error.cscNoSignature");
				}
				catch (java.security.NoSuchAlgorithmException e) {
					throw new IllegalStateException(e);
				}
			}
		};
	}

	private synchronized String token() {
		if (accessToken != null) {
			return accessToken;
		}
		Map<String, Object> response;
		if (settings.tokenUrl() != null) {
			var form = "grant_type=client_credentials&client_id=" + enc(settings.clientId()) + "&client_secret="
					+ enc(settings.clientSecret());
			response = send(HttpRequest.newBuilder(settings.tokenUrl())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}
		else {
			var basic = Base64.getEncoder().encodeToString((settings.username() + ":" + settings.password())
				.getBytes(StandardCharsets.UTF_8));
			response = send(HttpRequest.newBuilder(endpoint("auth/login"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
		}
		var token = response.get("access_token");
		if (token == null) {
			throw SigningException.of("signing.error.cscNoToken");
		}
		accessToken = String.valueOf(token);
		return accessToken;
	}

	private Map<String, Object> post(String path, Map<String, Object> body, boolean authenticated) {
		var builder = HttpRequest.newBuilder(endpoint(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (authenticated) {
			builder.header("Authorization", "Bearer " + token());
		}
		return send(builder);
	}

	private URI endpoint(String path) {
		var base = settings.baseUrl().toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "csc/v2/" + path);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> send(HttpRequest.Builder builder) {
		try {
			var response = http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
			Map<String, Object> body = response.body().isBlank() ? Map.of() : JSON.readValue(response.body(), Map.class);
			if (response.statusCode() / 100 != 2) {
				var reason = body.getOrDefault("error_description", body.getOrDefault("error", response.statusCode()));
				throw SigningException.of("signing.error.cscRefused", reason);
			}
			return body;
		}
		catch (SigningException e) {
			throw e;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw SigningException.because(e, "signing.error.cscInterrupted");
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.cscUnreachable", String.valueOf(e.getMessage()));
		}
	}

	private static String enc(@Nullable String s) {
		return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
	}
}
