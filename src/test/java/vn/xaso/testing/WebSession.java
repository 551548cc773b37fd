package vn.xaso.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.xaso.platform.messaging.DemoTextMessages;

/**
 * A real HTTP client with its own cookie jar, as one person's browser would be: signs in through
 * the real forms, and sends the CSRF token it was given with every POST.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern DEMO_CODE = Pattern.compile("la ([0-9]{6})");

	private final String base;
	private final HttpClient client;
	private final CookieManager cookies;
	private String csrf = "";
	private String address;

	/** Requests as if from this client address (X-Forwarded-For, believed from the loopback proxy). */
	public WebSession from(String clientAddress) {
		this.address = clientAddress;
		return this;
	}

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.cookies = new CookieManager();
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private WebSession(String base, HttpClient client, CookieManager cookies, String csrf) {
		this.base = base;
		this.client = client;
		this.cookies = cookies;
		this.csrf = csrf;
	}

	/**
	 * The same browser (cookies, last CSRF token) talking to another server on this machine: the next
	 * request of a person behind a load balancer that sends it to another replica.
	 */
	public WebSession onPort(int port) {
		return new WebSession("http://localhost:" + port, client, cookies, csrf);
	}

	/** The value of a cookie this browser holds, if any. */
	public java.util.Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue).findFirst();
	}

	public HttpResponse<String> get(String path) {
		var url = path.startsWith("http") ? path : base + path;
		var response = send(browserLike(HttpRequest.newBuilder(URI.create(url)), path).GET().build());
		remember(response);
		return response;
	}

	/** A GET whose body is kept as bytes (a PDF, an image). */
	public HttpResponse<byte[]> getBytes(String path) {
		var url = path.startsWith("http") ? path : base + path;
		try {
			return client.send(browserLike(HttpRequest.newBuilder(URI.create(url)), path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> post(String path, Map<String, String> form) {
		if (csrf.isEmpty()) {
			get("/signin");
		}
		var body = new LinkedHashMap<>(form);
		body.put("_csrf", csrf);
		var encoded = body.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		var response = send(browserLike(HttpRequest.newBuilder(URI.create(base + path)), path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(encoded))
			.build());
		remember(response);
		return response;
	}

	/** A multipart form post with one file field, as a browser sends an upload form. */
	public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String filename, byte[] content) {
		if (csrf.isEmpty()) {
			get("/signin");
		}
		var boundary = "----xaso" + java.util.UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		var parts = new LinkedHashMap<>(fields);
		parts.put("_csrf", csrf);
		for (var e : parts.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue()
					+ "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var response = send(browserLike(HttpRequest.newBuilder(URI.create(base + path)), path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
		remember(response);
		return response;
	}

	/** A DELETE as a page's script sends it: no body, the CSRF token in the X-CSRF-TOKEN header. */
	public HttpResponse<String> delete(String path) {
		if (csrf.isEmpty()) {
			get("/signin");
		}
		var response = send(browserLike(HttpRequest.newBuilder(URI.create(base + path)), path)
			.header("X-CSRF-TOKEN", csrf)
			.DELETE()
			.build());
		remember(response);
		return response;
	}

	public HttpResponse<String> request(String method, String path, Map<String, String> form) {
		return switch (method) {
			case "POST" -> post(path, form);
			case "DELETE" -> delete(path);
			default -> get(path);
		};
	}

	/** Signs in through the real form; fails loudly if it does not land on the workspace. */
	public WebSession signInOfficial(String username, String password) {
		get("/signin");
		var response = post("/signin", Map.of("username", username, "password", password));
		var location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.endsWith("/workspace")) {
			throw new IllegalStateException("Sign-in as " + username + " failed: " + response.statusCode() + " " + location);
		}
		csrf = "";
		get("/workspace");
		return this;
	}

	/** Signs a citizen in with the code the demo outbox received. */
	public WebSession signInCitizen(String phone, DemoTextMessages outbox) {
		get("/citizen/signin");
		var sent = post("/citizen/otp", Map.of("phone", phone));
		if (sent.statusCode() != 302) {
			throw new IllegalStateException("Code request failed: " + sent.statusCode());
		}
		var message = outbox.latestFor(phone).orElseThrow();
		var matcher = DEMO_CODE.matcher(message);
		if (!matcher.find()) {
			throw new IllegalStateException("No code in " + message);
		}
		var verified = post("/citizen/verify", Map.of("phone", phone, "code", matcher.group(1)));
		if (verified.statusCode() != 302) {
			throw new IllegalStateException("Code check failed: " + verified.statusCode());
		}
		csrf = "";
		get("/citizen");
		return this;
	}

	/** Pages are asked for as a browser asks (HTML first); the JSON API as an API client does. */
	private HttpRequest.Builder browserLike(HttpRequest.Builder builder, String path) {
		if (address != null) {
			builder.header("X-Forwarded-For", address);
		}
		return builder.header("Accept", path.startsWith("/api/") ? "application/json"
				: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
	}

	private void remember(HttpResponse<String> response) {
		var m = CSRF.matcher(response.body());
		if (m.find()) {
			csrf = m.group(1);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Any request with this session's cookies and CSRF token: {@code body} sent as is with
	 * {@code contentType} (null: no body), {@code accept} as the Accept header. For API and fuzz tests.
	 */
	public HttpResponse<String> send(String method, String pathAndQuery, String accept, @org.jspecify.annotations.Nullable String contentType,
			byte[] body) {
		return send(method, pathAndQuery, accept, contentType, body, Map.of());
	}

	/** As {@link #send(String, String, String, String, byte[])}, with more headers (an {@code Idempotency-Key}). */
	public HttpResponse<String> send(String method, String pathAndQuery, String accept, @org.jspecify.annotations.Nullable String contentType,
			byte[] body, Map<String, String> headers) {
		if (csrf.isEmpty()) {
			get("/signin");
		}
		var builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept", accept).header("X-CSRF-TOKEN", csrf);
		headers.forEach(builder::header);
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		builder.method(method, contentType == null && body.length == 0 ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body));
		return send(builder.timeout(java.time.Duration.ofSeconds(60)).build());
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
