package vn.xaso.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 11: "Nộp trực tuyến" → sign in by phone and one-time code → back on that procedure's form, not on the
 * citizen home; a forged {@code continue} pointing elsewhere lands on the citizen home.
 */
@XasoIntegrationTest
class CitizenSignInContinueTests {

	static final Pattern CODE = Pattern.compile("la ([0-9]{6})");
	static final String FORM = "/citizen/dossiers/new?procedure=1.001193&unit=14701";

	@LocalServerPort
	int port;

	@Autowired
	DemoTextMessages outbox;

	static String phone() {
		return "0965" + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	@Test
	void signingInReturnsToTheProcedureFormThePersonCameFor() {
		var web = new WebSession(port);
		var asked = web.get(FORM);
		assertThat(asked.statusCode()).isEqualTo(302);
		var signIn = asked.headers().firstValue("Location").orElseThrow();
		assertThat(signIn).contains("/citizen/signin?continue=");
		var page = web.get(signIn).body();
		assertThat(page).contains("name=\"continue\" value=\"" + FORM.replace("&", "&amp;") + "\"");

		var phone = phone();
		var sent = web.post("/citizen/otp", Map.of("phone", phone, "continue", FORM));
		var verifyPage = sent.headers().firstValue("Location").orElseThrow();
		assertThat(verifyPage).contains("continue=");
		assertThat(web.get(verifyPage).body()).contains("name=\"continue\"");
		var verified = web.post("/citizen/verify", Map.of("phone", phone, "code", code(phone), "continue", FORM));
		assertThat(verified.statusCode()).isEqualTo(302);
		assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith(FORM);
		assertThat(web.get(FORM).statusCode()).isEqualTo(200);
	}

	@Test
	void aContinueToAnotherSiteLandsOnTheCitizenHome() {
		for (var bad : new String[] { "//evil.example/citizen", "https://evil.example/citizen" }) {
			var web = new WebSession(port);
			web.get("/citizen/signin?continue=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
			var phone = phone();
			var sent = web.post("/citizen/otp", Map.of("phone", phone, "continue", bad));
			assertThat(sent.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
			var verified = web.post("/citizen/verify", Map.of("phone", phone, "code", code(phone), "continue", bad));
			assertThat(verified.headers().firstValue("Location").orElseThrow()).as(bad).endsWith("/citizen").doesNotContain("evil");
		}
	}

	private String code(String phone) {
		var m = CODE.matcher(outbox.latestFor(phone).orElseThrow());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
