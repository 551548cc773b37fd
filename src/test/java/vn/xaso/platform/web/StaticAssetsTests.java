package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Static files reach a phone once: pages link content-hashed names, those are cached for a year
 * ({@code immutable}) and sent gzip-compressed (from 512 bytes on); a plain name is still served, cached
 * for an hour only.
 */
@XasoIntegrationTest
class StaticAssetsTests {

	private static final Pattern CSS = Pattern.compile("href=\"(/assets/xaso-[0-9a-f]{32}\\.css)\"");
	private static final Pattern JS = Pattern.compile("src=\"(/assets/app-[0-9a-f]{32}\\.js)\"");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesLinkHashedAssetsThatAreCachedForAYearAndCompressed() throws Exception {
		var home = get("/x/14701");
		assertThat(home.statusCode()).isEqualTo(200);
		var html = text(home);
		var css = CSS.matcher(html);
		var js = JS.matcher(html);
		assertThat(css.find()).as("the page links the hashed stylesheet: %s", html.substring(0, Math.min(1200, html.length()))).isTrue();
		assertThat(js.find()).as("the page links the hashed script").isTrue();

		for (var path : new String[] { css.group(1), js.group(1) }) {
			var asset = get(path);
			assertThat(asset.statusCode()).as(path).isEqualTo(200);
			assertThat(asset.headers().firstValue("Cache-Control").orElse("")).as("Cache-Control of %s", path)
				.contains("max-age=31536000").contains("immutable").doesNotContain("no-store").doesNotContain("no-cache");
			assertThat(text(asset)).isNotBlank();
		}
		// Files under 512 bytes (app.js) are not worth compressing; the stylesheet is.
		assertThat(get(css.group(1)).headers().firstValue("Content-Encoding")).as("Content-Encoding of the stylesheet").hasValue("gzip");
	}

	@Test
	void theMapLibraryIsCompressedAndAPlainNameIsNotCachedForever() throws Exception {
		var leaflet = get("/webjars/leaflet/1.9.4/dist/leaflet.js");
		assertThat(leaflet.statusCode()).isEqualTo(200);
		assertThat(leaflet.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(leaflet.body().length).as("148 KB of Leaflet travel compressed").isLessThan(60 * 1024);
		assertThat(leaflet.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600").doesNotContain("immutable")
			.doesNotContain("no-store");
	}

	@Test
	void theBrowserTabIconIsServedInsteadOfANotFound() throws Exception {
		var icon = get("/favicon.ico");
		assertThat(icon.statusCode()).isEqualTo(200);
		var body = icon.body();
		assertThat(body.length).isBetween(100, 2048);
		assertThat(new byte[] { body[0], body[1], body[2], body[3] }).as("an ICO header").containsExactly(0, 0, 1, 0);
		assertThat(icon.headers().firstValue("Cache-Control").orElse("")).doesNotContain("no-store");
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) throws IOException {
		var body = response.body();
		if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
			try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
				body = in.readAllBytes();
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}
}
