package vn.xaso.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import vn.xaso.testing.XasoIntegrationTest;

/** Anonymous reports and Open311 posts are limited per device, per address and per API key. */
@XasoIntegrationTest
class FeedbackRateLimitTests {

	static final String YEN_MO = "14701";

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableEnvironment env;

	private void withLimits(Map<String, Object> limits, Runnable test) {
		env.getPropertySources().addFirst(new MapPropertySource("feedback-limits-test", limits));
		try {
			test.run();
		}
		finally {
			env.getPropertySources().remove("feedback-limits-test");
		}
	}

	private static Map<String, String> report(int i) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("category", "MT-RAC");
		fields.put("description", "Rác đổ cạnh cống thôn Đông, lần báo thứ " + i + ".");
		fields.put("lat", "20.1050");
		fields.put("lon", "105.9800");
		return fields;
	}

	@Test
	void oneDeviceFilesOnlySoManyReportsAnHour() {
		withLimits(Map.of("xaso.feedback.reports-per-device-per-hour", 2), () -> {
			var device = new FeedbackClient(port);
			assertThat(device.submit(YEN_MO, report(1), Map.of()).statusCode()).isEqualTo(302);
			assertThat(device.submit(YEN_MO, report(2), Map.of()).statusCode()).isEqualTo(302);
			var refused = device.submit(YEN_MO, report(3), Map.of());
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.body()).contains("Bạn đã gửi quá nhiều lần").contains("href=\"/x/" + YEN_MO + "/feedback/new\"");
			// A neighbour on the same Wi-Fi still can.
			assertThat(new FeedbackClient(port).submit(YEN_MO, report(4), Map.of()).statusCode()).isEqualTo(302);
		});
	}

	@Test
	void oneAddressHasACeiling() {
		withLimits(Map.of("xaso.feedback.reports-per-address-per-hour", 2), () -> {
			assertThat(new FeedbackClient(port).submit(YEN_MO, report(5), Map.of()).statusCode()).isEqualTo(302);
			assertThat(new FeedbackClient(port).submit(YEN_MO, report(6), Map.of()).statusCode()).isEqualTo(302);
			assertThat(new FeedbackClient(port).submit(YEN_MO, report(7), Map.of()).statusCode()).isEqualTo(429);
		});
	}

	@Test
	void open311PostsAreLimitedPerKey() throws Exception {
		withLimits(Map.of("xaso.feedback.open311-per-key-per-hour", 2), () -> {
			var statuses = new int[3];
			for (int i = 0; i < 3; i++) {
				statuses[i] = post(Map.of("jurisdiction_id", YEN_MO, "api_key", "xs311_khong_dung", "service_code", "KHAC",
						"description", "x", "lat", "20.1", "long", "105.9")).statusCode();
			}
			assertThat(statuses).containsExactly(403, 403, 429);
		});
	}

	private HttpResponse<String> post(Map<String, String> form) {
		var body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
