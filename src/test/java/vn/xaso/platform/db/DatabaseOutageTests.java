package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import vn.xaso.XasoApplication;

/**
 * PostgreSQL killed while XaSo runs (issue 12): readiness goes DOWN within seconds while liveness
 * stays UP, pages and the API answer 503 with a plain Vietnamese message within a few seconds
 * instead of hanging for 30 s, everything works again once the server is back (the embedded one is
 * restarted by itself), and XaSo stops quickly even while the database is down.
 */
class DatabaseOutageTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aDatabaseOutageIsReportedQuicklyAndHealsItself() throws Exception {
		var dataDir = Path.of("target/test-data/outage-" + UUID.randomUUID());
		var app = new SpringApplicationBuilder(XasoApplication.class).run("--server.port=0", "--xaso.data-dir=" + dataDir,
				// with the demo data: without it the first-run setup gate answers every page with "đang cài đặt"
				"--xaso.demo.load=true", "--xaso.db.durable=false", "--xaso.documents.jobs.enabled=false",
				"--xaso.notify.jobs.enabled=false");
		var stopped = false;
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			var db = app.getBean(DatabaseConfiguration.DatabaseEndpoint.class).embedded();
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(get(port, "/procedures?q=khai+sinh").statusCode()).isEqualTo(200);

			db.holdRestarts(true);
			new ProcessBuilder(List.of("kill", "-9", Long.toString(db.pid()))).start().waitFor();

			var downAt = System.nanoTime();
			while (get(port, "/actuator/health/readiness").statusCode() != 503) {
				assertThat(System.nanoTime() - downAt).as("readiness DOWN within 10 s").isLessThan(Duration.ofSeconds(10).toNanos());
				Thread.sleep(200);
			}
			assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);

			var asked = System.nanoTime();
			var page = get(port, "/procedures?q=khai+sinh");
			assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(8));
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.body()).contains("Hệ thống đang bận").contains("mất kết nối cơ sở dữ liệu");
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			var english = get(port, "/procedures?q=khai+sinh&lang=en");
			assertThat(english.body()).contains("lost its connection to the database");
			var api = get(port, "/api/v1/procedures?unit=14701&q=khai+sinh");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

			db.holdRestarts(false);
			db.awaitReady(Duration.ofSeconds(60));
			var backAt = System.nanoTime();
			while (get(port, "/actuator/health/readiness").statusCode() != 200
					|| get(port, "/procedures?q=khai+sinh").statusCode() != 200) {
				assertThat(System.nanoTime() - backAt).as("back within 30 s").isLessThan(Duration.ofSeconds(30).toNanos());
				Thread.sleep(200);
			}

			// Down again, then stop XaSo: no half-minute waits for connections on the way out.
			db.holdRestarts(true);
			new ProcessBuilder(List.of("kill", "-9", Long.toString(db.pid()))).start().waitFor();
			Thread.sleep(500);
			var closing = System.nanoTime();
			app.close();
			stopped = true;
			assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(15));
		}
		finally {
			if (!stopped) {
				app.close();
			}
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		var accept = path.startsWith("/api/") || path.startsWith("/actuator") ? "application/json" : "text/html";
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
			.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
