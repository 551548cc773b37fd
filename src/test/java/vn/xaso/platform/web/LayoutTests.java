package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.testing.XasoIntegrationTest;

/** The shared layout: the site's name once in the title, and the header's sign-in for citizens first. */
@XasoIntegrationTest
class LayoutTests {

	@LocalServerPort
	int port;

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	@Test
	void theTitleNamesTheSiteOnce() throws Exception {
		assertThat(get("/")).contains("<title>Xã Số</title>").doesNotContain("Xã Số · Xã Số");
		assertThat(get("/x/14701")).contains("<title>Xã Yên Mô · Xã Số</title>");
	}

	@Test
	void theHeaderSendsCitizensToTheirSignInAndOfficialsToTheirs() throws Exception {
		var header = get("/x/14701").split("</header>")[0];
		assertThat(header).contains("<a href=\"/citizen/signin\">Đăng nhập</a>").contains("href=\"/signin\"").contains("Cán bộ đăng nhập");
	}
}
