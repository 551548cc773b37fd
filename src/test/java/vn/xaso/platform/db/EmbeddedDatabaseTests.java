package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server is durable, does not outlive a killed XaSo, is stopped if an older XaSo left
 * one running, and comes back by itself if it dies while XaSo runs (issue 12).
 */
class EmbeddedDatabaseTests {

	private static Path freshDataDir() {
		return Path.of("target/test-data/embedded-" + UUID.randomUUID()).toAbsolutePath();
	}

	private static String show(EmbeddedDatabase db, String setting) throws Exception {
		try (var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
				var rs = c.createStatement().executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	@Test
	void theDefaultServerWritesEveryCommitToDisk() throws Exception {
		try (var db = EmbeddedDatabase.start(freshDataDir(), 0)) {
			assertThat(show(db, "fsync")).isEqualTo("on");
			assertThat(show(db, "synchronous_commit")).isEqualTo("on");
			assertThat(show(db, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void aServerLeftRunningByAnOlderXasoIsStoppedBeforeStartUp() throws Exception {
		var dataDir = freshDataDir();
		// What the previous version did: pg_ctl (daemonised) through zonky; then the JVM was killed.
		var leftover = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg17")).setCleanDataDirectory(false)
			.setRegisterShutdownHook(false).start();
		var oldPid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg17/postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(oldPid)).isPresent();
		try (var db = EmbeddedDatabase.start(dataDir, 0)) {
			assertThat(show(db, "fsync")).isEqualTo("on");
			assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
		assertThat(leftover.getPort()).isPositive();
	}

	@Test
	void theServerDiesWithAKilledXasoAndTheNextStartIsHealthy() throws Exception {
		var dataDir = freshDataDir();
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedDatabaseChild.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
		long pgPid;
		try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("READY")) {
				// start-up log
			}
			assertThat(line).as("child started the database").isNotNull();
			pgPid = Long.parseLong(line.split(" ")[2]);
			child.destroyForcibly(); // kill -9
			child.waitFor(10, TimeUnit.SECONDS);
		}
		var server = ProcessHandle.of(pgPid);
		if (server.isPresent()) {
			assertThat(LeftoverServer.waitForExit(server.get(), Duration.ofSeconds(15)))
				.as("PostgreSQL stops when the XaSo that started it is killed").isTrue();
		}
		try (var db = EmbeddedDatabase.start(dataDir, 0)) {
			assertThat(show(db, "fsync")).isEqualTo("on");
		}
	}

	@Test
	void aServerThatDiesWhileXasoRunsIsStartedAgain() throws Exception {
		try (var db = EmbeddedDatabase.start(freshDataDir(), 0)) {
			var first = db.pid();
			new ProcessBuilder(List.of("kill", "-9", Long.toString(first))).start().waitFor();
			var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (db.pid() == first && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			db.awaitReady(Duration.ofSeconds(60));
			assertThat(db.pid()).isNotEqualTo(first);
			assertThat(db.restarts()).isEqualTo(1);
			assertThat(show(db, "synchronous_commit")).isEqualTo("on");
		}
	}
}
