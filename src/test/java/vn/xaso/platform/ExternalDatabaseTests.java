package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.xaso.XasoApplication;

/**
 * A province runs XaSo against its own PostgreSQL server: with {@code xaso.db.url} set, no
 * embedded database is started, the schema and the application role are created on that server,
 * and the application works through the non-superuser role.
 */
class ExternalDatabaseTests {

	@Test
	void anExternalDatabaseUrlSwitchesTheEmbeddedOneOff() throws Exception {
		var serverDir = Path.of("target/external-pg-" + UUID.randomUUID());
		var dataDir = Path.of("target/external-app-" + UUID.randomUUID());
		try (var server = EmbeddedPostgres.builder().setDataDirectory(serverDir).setCleanDataDirectory(true).start()) {
			var url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
			try (var app = new SpringApplicationBuilder(XasoApplication.class).run("--server.port=0",
					"--xaso.db.url=" + url, "--xaso.db.owner-user=postgres", "--xaso.db.app-password=app-secret-123",
					"--xaso.data-dir=" + dataDir, "--xaso.demo.load=false")) {
				assertThat(Files.exists(dataDir.resolve("pg17"))).as("no embedded database folder").isFalse();
				var jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("xaso_app");
				var owner = JdbcClient.create(server.getPostgresDatabase());
				assertThat(owner.sql("select count(*) from admin_unit where level = 'commune'").query(Long.class).single())
					.isEqualTo(3321L);
			}
		}
	}
}
