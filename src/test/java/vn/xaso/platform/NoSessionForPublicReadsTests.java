package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Public pages without forms and the read API must not open an HTTP session: crawlers and API
 * scripts send no cookies, and one session each would fill a 512 MB heap.
 */
@XasoIntegrationTest
class NoSessionForPublicReadsTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/?q=yen+mo", "/x/14701", "/design", "/api/v1/units?q=yen%20mo", "/api/v1/units/14701",
			"/api/v1/calendar/holidays?year=2026" })
	void publicReadsSetNoSessionCookie(String path) throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
	}
}
