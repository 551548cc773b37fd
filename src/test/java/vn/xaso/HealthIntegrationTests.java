package vn.xaso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class HealthIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void healthIsUpIncludingTheDatabase() throws Exception {
		var response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void applicationRunsAsARoleThatRowLevelSecurityApplies() {
		var role = jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
			.query((rs, n) -> rs.getBoolean(1) || rs.getBoolean(2)).single();
		assertThat(role).as("app role must be neither superuser nor bypass RLS").isFalse();
		assertThat(jdbc.sql("select server_version_num from (select current_setting('server_version_num')::int as server_version_num) v")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(170000);
	}
}
