package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Behind a TLS proxy (here: the loopback, a trusted proxy by default) an HTTPS request gets a
 * Secure session cookie and HSTS without any option; plain HTTP gets neither.
 */
@XasoIntegrationTest
class SecureCookiesBehindProxyTests {

	@LocalServerPort
	int port;

	private HttpResponse<String> signInPage(String forwardedProto) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin")).header("Accept", "text/html");
		if (forwardedProto != null) {
			builder.header("X-Forwarded-Proto", forwardedProto).header("X-Forwarded-For", "203.0.113.90");
		}
		return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void httpsThroughTheProxyGetsSecureCookiesAndHsts() throws Exception {
		var response = signInPage("https");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID") && c.contains("Secure"));
		assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
	}

	@Test
	void plainHttpGetsNeither() throws Exception {
		var response = signInPage(null);
		assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID"))
			.noneMatch(c -> c.contains("Secure"));
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}
}
