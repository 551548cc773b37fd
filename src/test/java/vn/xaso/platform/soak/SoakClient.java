package vn.xaso.platform.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser for {@link SoakTraffic} (JDK only): a cookie jar, a client address sent as
 * X-Forwarded-For, the CSRF value of the last page. Every answer is reported with its latency; a transport
 * failure or a status of 400 or more (except 409 on a dossier action: someone acted first, the API's
 * documented answer) is reported as a failure.
 */
final class SoakClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	/** How many different people one visitor thread plays; each comes back with its own cookies. */
	static final int RETURNING_VISITORS = 25;

	/** One browser's cookie jar per person this client plays (one for a signed-in user). */
	private final java.util.List<CookieManager> jars = new java.util.ArrayList<>(java.util.List.of(new CookieManager()));
	private volatile CookieManager cookies = jars.get(0);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieHandler() {
		@Override
		public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
			return cookies.get(uri, headers);
		}

		@Override
		public void put(URI uri, Map<String, java.util.List<String>> headers) throws IOException {
			cookies.put(uri, headers);
		}
	}).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
	private final String ownAddress;
	private String address;
	String csrf = "";

	private final String base;
	private final java.util.function.LongConsumer recorded;
	private final java.util.function.Consumer<String> failed;

	SoakClient(String base, String address, java.util.function.LongConsumer recorded, java.util.function.Consumer<String> failed) {
		this.base = base;
		this.address = address;
		this.ownAddress = address;
		this.recorded = recorded;
		this.failed = failed;
	}

	/**
	 * The next round is one of {@link #RETURNING_VISITORS} people, each with their own address and their own
	 * cookie jar kept between visits, as a browser keeps its cookies: a person who comes back continues the
	 * session they had (the driver used to drop the cookies every round, so each round that needed a form
	 * token opened a new session and the session rows grew by about 220 a minute).
	 */
	void newVisitor(int round) {
		int person = Math.floorMod(round, RETURNING_VISITORS);
		while (jars.size() <= person) {
			jars.add(new CookieManager());
		}
		cookies = jars.get(person);
		address = ownAddress.substring(0, ownAddress.lastIndexOf('.')).replace("10.77.", "10." + (78 + person) + ".") + "."
				+ (1 + Math.floorMod(person * 31 + ownAddress.hashCode(), 250));
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET(), path);
	}

	String token(String page) throws IOException, InterruptedException {
		return csrf(get(page).body());
	}

	HttpResponse<String> form(String path, String token, Map<String, String> fields) throws IOException, InterruptedException {
		var body = new LinkedHashMap<>(fields);
		body.put("_csrf", token);
		var encoded = body.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return send(request(path).header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded)), path);
	}

	HttpResponse<String> multipart(String path, String token, Map<String, String> fields) throws IOException, InterruptedException {
		var boundary = "----soak" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		var all = new LinkedHashMap<>(fields);
		all.put("_csrf", token);
		for (var e : all.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Accept", "text/html").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), path);
	}

	HttpResponse<String> json(String method, String path, String json) throws IOException, InterruptedException {
		var builder = request(path).header("Accept", "application/json").header("X-CSRF-TOKEN", csrf);
		if (json == null) {
			builder.GET();
		}
		else {
			builder.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		return send(builder, path);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", address);
	}

	private HttpResponse<String> send(HttpRequest.Builder builder, String path) throws IOException, InterruptedException {
		long t0 = System.nanoTime();
		HttpResponse<String> response;
		try {
			response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			recorded.accept((System.nanoTime() - t0) / 1000);
			failed.accept(path + " " + e);
			throw e;
		}
		recorded.accept((System.nanoTime() - t0) / 1000);
		int status = response.statusCode();
		// 409 on an action: someone acted on the dossier in between, the API's documented answer, not a fault.
		if (status >= 400 && !(status == 409 && path.endsWith("/actions"))) {
			failed.accept(status + " " + path);
		}
		return response;
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no form token on the page");
		}
		return m.group(1);
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
