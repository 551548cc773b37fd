package vn.xaso.platform.idempotency;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.xaso.platform.messaging.DemoTextMessages;

/**
 * One browser (one cookie jar) that can send the same request twice at the same moment: two
 * threads wait on a latch, then both send. Forms carry the CSRF value of the page they came from,
 * exactly as a double click sends it twice.
 */
public final class Twice {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern DEMO_CODE = Pattern.compile("la ([0-9]{6})");

	private final String base;
	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	Twice(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Sends the request twice at once; both answers, in no particular order. */
	static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>> request) throws Exception {
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(2)) {
			var futures = new ArrayList<Future<HttpResponse<String>>>();
			for (int i = 0; i < 2; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			var out = new ArrayList<HttpResponse<String>>();
			for (var f : futures) {
				out.add(f.get(90, TimeUnit.SECONDS));
			}
			return out;
		}
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The CSRF value of one rendering of a page: the form's one-time token. */
	String token(String page) throws Exception {
		var response = get(page);
		var m = CSRF.matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("No form on " + page + ": " + response.statusCode());
		}
		return m.group(1);
	}

	HttpResponse<String> form(String path, String token, Map<String, String> fields) throws Exception {
		var body = new LinkedHashMap<>(fields);
		body.put("_csrf", token);
		var encoded = body.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A multipart post with fields and files (field name → file name → bytes), the boundary fixed per call. */
	HttpResponse<String> multipart(String path, String token, Map<String, String> fields, String fileField,
			Map<String, byte[]> files) throws Exception {
		var boundary = "----xaso" + UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		var all = new LinkedHashMap<>(fields);
		all.put("_csrf", token);
		for (var e : all.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue()
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (var f : files.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + f.getKey()
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(f.getValue());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> json(String path, String csrf, String idempotencyKey, String json) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
			.header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	Twice official(String username, String password) throws Exception {
		var sent = form("/signin", token("/signin"), Map.of("username", username, "password", password));
		if (sent.statusCode() != 302 || !sent.headers().firstValue("Location").orElse("").endsWith("/workspace")) {
			throw new IllegalStateException("Sign-in as " + username + " failed: " + sent.statusCode());
		}
		return this;
	}

	Twice citizen(String phone, DemoTextMessages outbox) throws Exception {
		var sent = form("/citizen/otp", token("/citizen/signin"), Map.of("phone", phone));
		if (sent.statusCode() != 302) {
			throw new IllegalStateException("Code request failed: " + sent.statusCode());
		}
		var m = DEMO_CODE.matcher(outbox.latestFor(phone).orElseThrow());
		if (!m.find()) {
			throw new IllegalStateException("No code for " + phone);
		}
		var verified = form("/citizen/verify", token("/citizen/verify?phone=" + enc(phone)), Map.of("phone", phone, "code", m.group(1)));
		if (verified.statusCode() != 302) {
			throw new IllegalStateException("Code check failed: " + verified.statusCode());
		}
		return this;
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
