package vn.xaso.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the work-file pages that also downloads bytes and uploads files
 * (multipart/form-data), which {@code WebSession} does not do. Signs in through the real form and
 * sends the CSRF token with every POST.
 */
final class WorkFileWebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();
	private String csrf = "";

	WorkFileWebClient(int port) {
		this.base = "http://localhost:" + port;
	}

	WorkFileWebClient signIn(String username, String password) {
		get("/signin");
		var response = post("/signin", Map.of("username", username, "password", password));
		if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/workspace")) {
			throw new IllegalStateException("Sign-in as " + username + " failed: " + response.statusCode());
		}
		get("/workspace");
		return this;
	}

	HttpResponse<String> get(String path) {
		var response = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		remember(response.body());
		return response;
	}

	HttpResponse<byte[]> getBytes(String path) {
		return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> post(String path, Map<String, String> form) {
		var body = new LinkedHashMap<>(form);
		body.put("_csrf", csrf);
		var encoded = body.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		var response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
		remember(response.body());
		return response;
	}

	/** POST multipart/form-data with one file field, as a browser sends a file upload form. */
	HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String filename,
			String contentType, byte[] content) {
		var boundary = "----xaso" + UUID.randomUUID().toString().replace("-", "");
		var out = new ByteArrayOutputStream();
		var all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		for (var e : all.entrySet()) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var response = send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());
		remember(response.body());
		return response;
	}

	static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", "");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	private void remember(String body) {
		var m = CSRF.matcher(body);
		if (m.find()) {
			csrf = m.group(1);
		}
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return client.send(request, handler);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
