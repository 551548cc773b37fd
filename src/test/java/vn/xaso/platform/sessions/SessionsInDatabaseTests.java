package vn.xaso.platform.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * HTTP sessions live in PostgreSQL (Spring Session JDBC), so any replica can continue them: signing in
 * writes a row with the security context, signing out deletes it, the expired-sessions job deletes
 * expired rows and only those, and API calls write none.
 */
@XasoIntegrationTest
class SessionsInDatabaseTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiredSessionsJob job;

	@Test
	void signingInWritesTheSessionToTheDatabaseAndSigningOutDeletesIt() {
		var browser = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var id = sessionId(browser);
		assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?").param(id).query(String.class).optional())
			.contains("yenmo.motcua");
		assertThat(jdbc.sql("""
				select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
				where s.session_id = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""").param(id).query(Long.class).single())
			.isEqualTo(1L);

		var signedOut = browser.post("/signout", Map.of());
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(rows(id)).as("the signed-out session's row").isZero();
		assertThat(browser.get("/workspace").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
	}

	@Test
	void theJobDeletesExpiredSessionsOnly() {
		var expired = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var live = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var expiredId = sessionId(expired);
		var liveId = sessionId(live);
		jdbc.sql("update spring_session set expiry_time = ? where session_id = ?").params(System.currentTimeMillis() - 1_000, expiredId)
			.update();

		job.run();

		assertThat(rows(expiredId)).as("expired session").isZero();
		assertThat(jdbc.sql("select count(*) from spring_session_attributes a where not exists "
				+ "(select 1 from spring_session s where s.primary_id = a.session_primary_id)").query(Long.class).single())
			.as("attributes of deleted sessions").isZero();
		assertThat(rows(liveId)).as("live session").isEqualTo(1L);
		assertThat(expired.get("/workspace").statusCode()).isEqualTo(302);
		assertThat(live.get("/workspace").statusCode()).isEqualTo(200);
	}

	@Test
	void apiCallsWriteNoSessionRows() throws Exception {
		long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
		var client = HttpClient.newHttpClient();
		for (var path : new String[] { "/api/v1/units/14701", "/api/v1/dossiers", "/open311/v2/services.json?jurisdiction_id=14701" }) {
			var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isLessThan(500);
		}
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(before);
	}

	private long rows(String sessionId) {
		return jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId).query(Long.class).single();
	}

	/** The session cookie carries the id base64-encoded (Spring Session's cookie serializer). */
	static String sessionId(WebSession browser) {
		var cookie = browser.cookie("JSESSIONID").orElseThrow(() -> new AssertionError("no session cookie"));
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
	}
}
