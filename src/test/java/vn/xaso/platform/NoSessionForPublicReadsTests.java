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

	/**
	 * No API or Open311 call opens a session, whatever its answer — refused ones included (a
	 * benchmark once left 376,281 sessions in the heap).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "GET /api/v1/dossiers", "GET /api/v1/procedures?unit=14701", "POST /api/v1/calendar/adjustments",
			"POST /api/v1/dossiers", "GET /open311/discovery.json", "GET /open311/v2/services.json?jurisdiction_id=14701",
			"GET /open311/v2/requests.json?jurisdiction_id=14701", "POST /open311/v2/requests.json?jurisdiction_id=14701",
			"POST /open311/v2/requests.xml?jurisdiction_id=14701&api_key=wrong" })
	void apiCallsOpenNoSession(String call) throws Exception {
		var method = call.substring(0, call.indexOf(' '));
		var path = call.substring(call.indexOf(' ') + 1);
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
		if (method.equals("POST")) {
			builder.header("Content-Type", path.startsWith("/open311") ? "application/x-www-form-urlencoded" : "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(path.startsWith("/open311") ? "service_code=x&description=y" : "{}"));
		}
		var response = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(500);
		assertThat(response.headers().allValues("Set-Cookie")).as(call + " → " + response.statusCode())
			.noneMatch(c -> c.startsWith("JSESSIONID"));
	}

	/** A script that asks for anything (no JSON Accept header) and is refused opens no session either. */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/dossiers", "/open311/v2/requests.json?jurisdiction_id=99999" })
	void refusedApiCallsWithoutAcceptHeaderOpenNoSession(String path) throws Exception {
		var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
	}
}
