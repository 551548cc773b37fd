package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The embedded server started beside the context's construction (start-up time, docs/performance.md): the context
 * takes that very server when its settings are the same, starts its own otherwise (and the early one is stopped),
 * and a start that failed early fails the context's start the same way.
 */
class EmbeddedDatabaseEarlyStartTests {

	private static Path freshDataDir() {
		return Path.of("target/test-data/early-" + UUID.randomUUID()).toAbsolutePath();
	}

	@Test
	void theContextTakesTheServerStartedEarlyForTheSameSettingsOnce() throws Exception {
		var dataDir = freshDataDir();
		EmbeddedDatabaseEarlyStart.begin(dataDir, 0, false);
		try (var db = EmbeddedDatabaseEarlyStart.take(dataDir.resolve("x/.."), 0, false)) {
			assertThat(db).isNotNull();
			assertThat(db.running()).isTrue();
			assertThat(db.dataDirectory()).isEqualTo(dataDir.resolve("pg17"));
			try (var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
					var rs = c.createStatement().executeQuery("show fsync")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("off");
			}
			assertThat(EmbeddedDatabaseEarlyStart.take(dataDir, 0, false)).as("taken only once").isNull();
		}
	}

	@Test
	void aServerStartedEarlyForOtherSettingsIsStoppedAndNotTaken() throws Exception {
		var early = freshDataDir();
		EmbeddedDatabaseEarlyStart.begin(early, 0, false);
		assertThat(EmbeddedDatabaseEarlyStart.take(freshDataDir(), 0, false)).isNull();
		// Stopped as soon as it is up: PostgreSQL writes its shut-down line to the folder's log.
		var log = early.resolve("pg17.log");
		var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		while (!(Files.exists(log) && Files.readString(log).contains("database system is shut down")) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(log).content().contains("database system is shut down");
		try (var again = EmbeddedDatabase.start(early, 0, false)) {
			assertThat(again.running()).as("the folder is free for a server of its own").isTrue();
		}
	}

	@Test
	void aFailedEarlyStartFailsWhereTheContextTakesIt() throws Exception {
		var notAFolder = freshDataDir();
		Files.createDirectories(notAFolder.getParent());
		Files.writeString(notAFolder, "a file where the data folder should be");
		EmbeddedDatabaseEarlyStart.begin(notAFolder, 0, false);
		assertThatThrownBy(() -> EmbeddedDatabaseEarlyStart.take(notAFolder, 0, false)).isInstanceOf(RuntimeException.class)
			.hasMessageContaining(notAFolder.toString());
		assertThat(EmbeddedDatabaseEarlyStart.take(notAFolder, 0, false)).isNull();
	}
}
