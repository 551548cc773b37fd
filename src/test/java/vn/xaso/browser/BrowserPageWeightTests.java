package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Citizens are often on slow, metered mobile data: each citizen-facing page, as sent over the wire
 * (gzip), together with every stylesheet and script it references, must stay under 60 KB.
 * Plain HTTP, no browser.
 */
@XasoIntegrationTest
class BrowserPageWeightTests {

	static final int BUDGET_BYTES = 60 * 1024;

	private static final Pattern TAG = Pattern.compile("<(link|script)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
	private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
	private static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
	private static final Pattern STYLESHEET = Pattern.compile("\\brel=\"?stylesheet\"?", Pattern.CASE_INSENSITIVE);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} weighs less than 60 KB compressed")
	@ValueSource(strings = { "/", "/x/14701", "/x/14701/notices", "/app?unit=14701", "/citizen/signin", "/signin", "/x/14701/feedback/new",
		"/x/14701/feedback", "/x/14701/cho" })
	void citizenFacingPageFitsTheBudget(String path) throws Exception {
		var page = fetch(path);
		assertThat(page.status()).as("status of %s", path).isEqualTo(200);
		var html = page.text();

		var report = new StringBuilder();
		report.append(String.format("%-16s %6d B on the wire (%6d B uncompressed, %s)%n", path, page.wireBytes(),
				page.body().length, page.encoding()));
		long total = page.wireBytes();
		for (var asset : assets(html)) {
			var response = fetch(asset);
			assertThat(response.status()).as("status of %s referenced by %s", asset, path).isEqualTo(200);
			total += response.wireBytes();
			report.append(String.format("  + %-30s %6d B on the wire (%6d B uncompressed, %s)%n", asset,
					response.wireBytes(), response.body().length, response.encoding()));
		}
		report.append(String.format("  = %d B total, budget %d B (%.0f%%)", total, BUDGET_BYTES, 100.0 * total / BUDGET_BYTES));
		System.out.println("[page weight] " + report);
		assertThat(total).as("compressed weight of %s with its CSS and JS:%n%s", path, report).isLessThan(BUDGET_BYTES);
	}

	/** A notice page of the portal (the newest demo notice of Xã Yên Mô). */
	@org.junit.jupiter.api.Test
	void aPortalNoticePageFitsTheBudget() throws Exception {
		var list = fetch("/x/14701/notices").text();
		var link = Pattern.compile("href=\"(/x/14701/posts/[0-9]+)\"").matcher(list);
		assertThat(link.find()).as("a notice on the demo commune's notices page").isTrue();
		citizenFacingPageFitsTheBudget(link.group(1));
	}

	/** Stylesheets and scripts referenced from the page, local ones only (there should be no others). */
	private static Set<String> assets(String html) {
		var found = new LinkedHashSet<String>();
		var tags = TAG.matcher(html);
		while (tags.find()) {
			var tag = tags.group();
			var isLink = tags.group(1).equalsIgnoreCase("link");
			var url = (isLink ? HREF : SRC).matcher(tag);
			if ((isLink && !STYLESHEET.matcher(tag).find()) || !url.find()) {
				continue;
			}
			var target = url.group(1).replace("&amp;", "&");
			assertThat(target).as("assets are served by XaSo itself, not a CDN: %s", tag).startsWith("/").doesNotStartWith("//");
			found.add(target);
		}
		return found;
	}

	private Fetched fetch(String path) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", "gzip")
			.header("Accept", "text/html,text/css,application/javascript,*/*")
			.timeout(Duration.ofSeconds(20))
			.GET()
			.build();
		var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		var encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
		var wire = response.body();
		var body = "gzip".equalsIgnoreCase(encoding) ? gunzip(wire) : wire;
		return new Fetched(response.statusCode(), wire.length, body, encoding);
	}

	private static byte[] gunzip(byte[] bytes) throws IOException {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

	record Fetched(int status, int wireBytes, byte[] body, String encoding) {
		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}
}
