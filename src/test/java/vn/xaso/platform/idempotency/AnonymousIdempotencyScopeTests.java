package vn.xaso.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.demo.DemoData;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.Open311Keys;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 12: callers with neither an account nor a session (an Open311 app's users) used to share one
 * idempotency scope, so a second person sending the same {@code Idempotency-Key} and the same report
 * got the first person's answer (their report id) and their own report was never filed. Each
 * anonymous caller now has its own scope; a repeat by the same caller is still answered once.
 */
@XasoIntegrationTest
class AnonymousIdempotencyScopeTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Open311Keys keys;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void twoPeopleWithTheSameKeyAndReportEachGetTheirOwnAnswer() throws Exception {
		var apiKey = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> keys.create(new FeedbackActor(DemoData.YEN_MO, "yenmo.admin", "Quản trị", Set.of(Role.ADMIN)), "Ứng dụng chung"));
		var form = new LinkedHashMap<String, String>();
		form.put("jurisdiction_id", DemoData.YEN_MO);
		form.put("api_key", apiKey);
		form.put("service_code", "DIEN-CS");
		form.put("lat", "20.1075");
		form.put("long", "105.9750");
		form.put("description", "Đèn đường trước nhà văn hoá thôn bị tắt " + System.nanoTime());
		// A client that derives the key from the content: everybody reporting the same thing sends the same key.
		var key = "report-" + Integer.toHexString(form.get("description").hashCode());

		var first = post(form, key, "203.0.113.11", null);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		var firstId = id(first);

		// The same person again (a retry after a timeout): the first answer, nothing new.
		var retry = post(form, key, "203.0.113.11", null);
		assertThat(retry.headers().firstValue(IdempotencyFilter.REPLAYED)).contains("true");
		assertThat(id(retry)).isEqualTo(firstId);

		// Another person, elsewhere: their own report, not the first person's answer.
		var other = post(form, key, "198.51.100.22", null);
		assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
		assertThat(other.headers().firstValue(IdempotencyFilter.REPLAYED)).as("not someone else's kept answer").isEmpty();
		assertThat(id(other)).isNotEqualTo(firstId);

		// Two phones behind the commune hall's Wi-Fi (one address), told apart by their device cookie.
		var phoneA = post(form, key, "192.0.2.33", "0123456789abcdef0123456789abcdef");
		var phoneB = post(form, key, "192.0.2.33", "fedcba9876543210fedcba9876543210");
		assertThat(phoneB.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
		assertThat(id(phoneB)).isNotEqualTo(id(phoneA)).isNotIn(firstId, id(other));
	}

	private static String id(HttpResponse<String> response) {
		return JSON.readTree(response.body()).get(0).get("service_request_id").asString();
	}

	private HttpResponse<String> post(Map<String, String> form, String key, String address, String device) throws Exception {
		var body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Idempotency-Key", key)
			// the test client stands behind a trusted (loopback) proxy that names the real address
			.header("X-Forwarded-For", address);
		if (device != null) {
			request.header("Cookie", "xaso_device=" + device);
		}
		return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
