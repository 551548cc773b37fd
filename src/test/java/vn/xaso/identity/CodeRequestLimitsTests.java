package vn.xaso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * One-time codes are limited per phone number, per device (cookie) and for the whole instance —
 * not per address, which a commune hall's Wi-Fi or a carrier's NAT shares among many people.
 * Limits are read on each request, so each test lowers them for its own duration (a changed
 * limit starts new buckets).
 */
@XasoIntegrationTest
class CodeRequestLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableEnvironment env;

	private void withLimits(Map<String, Object> limits, Runnable test) {
		env.getPropertySources().addFirst(new MapPropertySource("code-limits-test", limits));
		try {
			test.run();
		}
		finally {
			env.getPropertySources().remove("code-limits-test");
		}
	}

	private WebSession person() {
		var web = new WebSession(port);
		assertThat(web.get("/citizen/signin").headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("xaso_device="));
		return web;
	}

	@Test
	void manyPeopleBehindOneAddressEachGetTheirCode() {
		withLimits(Map.of("xaso.security.codes-per-phone-per-hour", 3, "xaso.security.codes-per-device-per-hour", 3), () -> {
			for (int i = 0; i < 25; i++) {
				var r = person().post("/citizen/otp", Map.of("phone", String.format("09770010%02d", i)));
				assertThat(r.statusCode()).as("person %d", i).isEqualTo(302);
			}
		});
	}

	@Test
	void onePhoneNumberGetsOnlySoManyCodesAnHourWithAPageThatSaysSo() {
		withLimits(Map.of("xaso.security.codes-per-phone-per-hour", 3), () -> {
			for (int i = 0; i < 3; i++) {
				assertThat(person().post("/citizen/otp", Map.of("phone", "0977002001")).statusCode()).isEqualTo(302);
			}
			var refused = person().post("/citizen/otp", Map.of("phone", "0977 002 001"));
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.body()).contains("<html lang=\"vi\"").contains("Bạn đã gửi quá nhiều lần")
				.contains("name=\"viewport\"").contains("href=\"/citizen/signin\"");
			var english = person().post("/citizen/otp?lang=en", Map.of("phone", "0977002001"));
			assertThat(english.statusCode()).isEqualTo(429);
			assertThat(english.body()).contains("<html lang=\"en\"").contains("Too many attempts");
		});
	}

	@Test
	void oneDeviceGetsOnlySoManyCodesAnHour() {
		withLimits(Map.of("xaso.security.codes-per-device-per-hour", 3), () -> {
			var web = person();
			for (int i = 0; i < 3; i++) {
				assertThat(web.post("/citizen/otp", Map.of("phone", "097700300" + i)).statusCode()).isEqualTo(302);
			}
			assertThat(web.post("/citizen/otp", Map.of("phone", "0977003009")).statusCode()).isEqualTo(429);
			// Someone else at the same address is not affected.
			assertThat(person().post("/citizen/otp", Map.of("phone", "0977003008")).statusCode()).isEqualTo(302);
		});
	}

	@Test
	void theWholeInstanceHasACeiling() {
		withLimits(Map.of("xaso.security.codes-per-hour-total", 2), () -> {
			assertThat(person().post("/citizen/otp", Map.of("phone", "0977004001")).statusCode()).isEqualTo(302);
			assertThat(person().post("/citizen/otp", Map.of("phone", "0977004002")).statusCode()).isEqualTo(302);
			assertThat(person().post("/citizen/otp", Map.of("phone", "0977004003")).statusCode()).isEqualTo(429);
		});
	}
}
