package vn.xaso.platform.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonWriter;

import vn.xaso.platform.observability.MaskingJsonMembers;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Prometheus metrics answer only a scraper with the configured token and include the outbox backlog and
 * signing time; every response carries a request id; JSON log lines mask personal numbers.
 */
@XasoIntegrationTest
class ObservabilityTests {

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void prometheusNeedsTheTokenAndShowsTheOutboxBacklog() throws Exception {
		var anonymous = get("/actuator/prometheus", null);
		// Closed: the sign-in redirect (302) or a refusal, never the metrics.
		assertThat(anonymous.statusCode()).isIn(302, 401, 403);
		assertThat(anonymous.body()).doesNotContain("xaso_outbox_backlog");
		var wrong = get("/actuator/prometheus", "Bearer not-the-token");
		assertThat(wrong.statusCode()).isIn(302, 401, 403);
		assertThat(wrong.body()).doesNotContain("xaso_outbox_backlog");
		var scraper = get("/actuator/prometheus", "Bearer " + "test-metrics-token-2026");
		assertThat(scraper.statusCode()).isEqualTo(200);
		assertThat(scraper.body()).contains("xaso_outbox_backlog", "http_server_requests");
	}

	@Test
	void everyResponseCarriesARequestIdAndKeepsASafeOneFromTheProxy() throws Exception {
		var fresh = get("/actuator/health", null);
		assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThan(8));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.header("X-Request-Id", "proxy-abc-12345")
			.build();
		assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id"))
			.hasValue("proxy-abc-12345");
		var hostile = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.header("X-Request-Id", "<script>alert(1)</script>")
			.build();
		assertThat(http.send(hostile, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Request-Id"))
			.hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
	}

	@Test
	void jsonLogLinesMaskPhonesAndCccd() {
		var writer = JsonWriter.<String>of(members -> {
			members.add("message", (String line) -> line);
			new MaskingJsonMembers().customize(cast(members));
		});
		var line = writer.writeToString("Gửi mã cho 0988123456, CCCD 037095001234");
		assertThat(line).doesNotContain("0988123456", "037095001234").contains("message");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static JsonWriter.Members<Object> cast(JsonWriter.Members members) {
		return members;
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}
}
