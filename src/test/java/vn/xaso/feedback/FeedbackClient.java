package vn.xaso.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** A browser-like client for the report form: multipart posts with the CSRF token the form page gave. */
final class FeedbackClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();
	private String csrf = "";

	FeedbackClient(int port) {
		this.base = "http://localhost:" + port;
	}

	HttpResponse<String> get(String path) {
		var response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
		var m = CSRF.matcher(response.body());
		if (m.find()) {
			csrf = m.group(1);
		}
		return response;
	}

	/** Opens the form (for the token), then posts fields and files (name → filename → bytes). */
	HttpResponse<String> submit(String commune, Map<String, String> fields, Map<String, byte[]> files) {
		get("/x/" + commune + "/feedback/new");
		var boundary = "----xaso" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		try {
			for (var e : fields.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue()
						+ "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			for (var e : files.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" + e.getKey()
						+ "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.write(e.getValue());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return send(HttpRequest.newBuilder(URI.create(base + "/x/" + commune + "/feedback"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	HttpResponse<byte[]> bytes(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
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
}
