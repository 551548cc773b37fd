package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * {@code xaso backup} while the server runs and is being written to, {@code xaso restore} into an
 * empty folder: same rows, same bytes, same files; a changed byte in the backup is refused; old
 * backups are pruned (issue 12).
 */
class BackupRestoreTests {

	@Test
	void anOnlineBackupRestoresToTheSameDataAndADamagedOneIsRefused() throws Exception {
		var dataDir = Path.of("target/test-data/backup-" + UUID.randomUUID()).toAbsolutePath();
		var backups = dataDir.resolveSibling(dataDir.getFileName() + "-backups");
		var committed = new AtomicLong();
		String digest;
		long rows;
		Path backup;
		try (var db = EmbeddedDatabase.start(dataDir, 0, false)) {
			Files.writeString(dataDir.resolve("signing-master.key"), "secret-key-material");
			try (var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
				c.createStatement().execute("create table paper (id bigserial primary key, body bytea not null)");
				c.createStatement().execute("insert into paper (body) select gen_random_bytes_stub from "
						+ "(select decode(md5(g::text) || md5((g * 7)::text), 'hex') as gen_random_bytes_stub "
						+ "from generate_series(1, 5000) g) s");
				c.createStatement().execute("create table busy (id bigserial primary key, at timestamptz default now())");
				try (var rs = c.createStatement().executeQuery(
						"select count(*), md5(string_agg(id::text || encode(body, 'hex'), ',' order by id)) from paper")) {
					rs.next();
					rows = rs.getLong(1);
					digest = rs.getString(2);
				}
			}
			// Writes go on while the backup copies the files.
			var stop = new AtomicBoolean();
			var writer = Thread.ofPlatform().start(() -> {
				try (var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
					while (!stop.get()) {
						c.createStatement().execute("insert into busy default values");
						committed.incrementAndGet();
					}
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			while (committed.get() < 200) {
				Thread.sleep(10);
			}
			var before = committed.get();
			assertThat(BackupCommand.run("backup", new String[] { "--xaso.data-dir=" + dataDir,
					"--xaso.backup.dir=" + backups, "--xaso.backup.keep=2" })).isZero();
			var after = committed.get();
			stop.set(true);
			writer.join();
			try (var list = Files.list(backups)) {
				backup = list.filter(p -> p.getFileName().toString().startsWith("xaso-backup-")).findFirst().orElseThrow();
			}
			assertThat(Backup.verify(backup)).isEmpty();

			// Restore into an empty folder.
			var restored = Path.of("target/test-data/restored-" + UUID.randomUUID()).toAbsolutePath();
			assertThat(BackupCommand.run("restore", new String[] { backup.toString(), "--xaso.data-dir=" + restored })).isZero();
			assertThat(Files.readString(restored.resolve("signing-master.key"))).isEqualTo("secret-key-material");
			try (var copy = EmbeddedDatabase.start(restored, 0, false);
					var c = DriverManager.getConnection(copy.jdbcUrl(), "postgres", "")) {
				try (var rs = c.createStatement().executeQuery(
						"select count(*), md5(string_agg(id::text || encode(body, 'hex'), ',' order by id)) from paper")) {
					rs.next();
					assertThat(rs.getLong(1)).isEqualTo(rows);
					assertThat(rs.getString(2)).isEqualTo(digest);
				}
				try (var rs = c.createStatement().executeQuery("select count(*), coalesce(max(id), 0) from busy")) {
					rs.next();
					// One instant during the backup: at least what was committed before it started, no gaps.
					assertThat(rs.getLong(1)).isBetween(before, after + 1).isEqualTo(rs.getLong(2));
				}
			}
			// Restoring over an existing database is refused.
			assertThat(BackupCommand.run("restore", new String[] { backup.toString(), "--xaso.data-dir=" + restored })).isEqualTo(1);
		}

		// One changed byte: verify names the file and restore refuses.
		var label = backup.resolve("pg17/backup_label");
		Files.writeString(label, Files.readString(label) + " ");
		assertThat(Backup.verify(backup)).containsExactly("changed: pg17/backup_label");
		var elsewhere = Path.of("target/test-data/restored-" + UUID.randomUUID()).toAbsolutePath();
		assertThatThrownBy(() -> Backup.restore(backup, elsewhere)).hasMessageContaining("damaged or altered");

		// Retention: with keep=2, a third and fourth backup leave the two newest.
		for (int i = 0; i < 2; i++) {
			Thread.sleep(1100);
			assertThat(BackupCommand.run("backup", new String[] { "--xaso.data-dir=" + dataDir, "--xaso.backup.dir=" + backups,
					"--xaso.backup.keep=2" })).isZero();
		}
		try (var list = Files.list(backups)) {
			assertThat(list.filter(p -> p.getFileName().toString().startsWith("xaso-backup-")).count()).isEqualTo(2);
		}
	}
}
