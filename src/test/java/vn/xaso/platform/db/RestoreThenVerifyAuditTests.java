package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import vn.xaso.XasoApplication;

/**
 * Issue 12, backup and restore: a running XaSo with the demo data (audit chains of several units) is
 * backed up with {@code xaso backup}, restored with {@code xaso restore} into an empty folder, and then
 * the {@code xaso verify-audit} command — a separate JVM, as an operator runs it — finds every chain
 * intact (exit 0, one "OK" line per unit). One edited audit entry in the restored database makes the
 * same command exit 1 naming the broken chain, so the check can fail.
 */
class RestoreThenVerifyAuditTests {

	@Test
	void aRestoredBackupPassesVerifyAuditAndAnEditedEntryIsFound() throws Exception {
		var dataDir = Path.of("target/test-data/verify-" + UUID.randomUUID()).toAbsolutePath();
		var backups = dataDir.resolveSibling(dataDir.getFileName() + "-backups");
		try (var app = new SpringApplicationBuilder(XasoApplication.class).run("--server.port=0", "--xaso.data-dir=" + dataDir,
				"--xaso.demo.load=true", "--xaso.db.durable=false", "--xaso.backup.schedule=-", "--xaso.documents.jobs.enabled=false",
				"--xaso.notify.jobs.enabled=false", "--xaso.insights.jobs.enabled=false")) {
			// Online, as the nightly schedule does it.
			assertThat(BackupCommand.run("backup", new String[] { "--xaso.data-dir=" + dataDir, "--xaso.backup.dir=" + backups })).isZero();
		}
		Path backup;
		try (var list = Files.list(backups)) {
			backup = list.filter(p -> p.getFileName().toString().startsWith("xaso-backup-")).findFirst().orElseThrow();
		}
		var restored = Path.of("target/test-data/verify-restored-" + UUID.randomUUID()).toAbsolutePath();
		assertThat(BackupCommand.run("restore", new String[] { backup.toString(), "--xaso.data-dir=" + restored })).isZero();

		var intact = verifyAudit(restored);
		assertThat(intact.exit()).as(intact.output()).isZero();
		assertThat(intact.output()).as("the demo communes' chains").containsPattern("14701\\s+OK\\s+[1-9][0-9]* entries")
			.doesNotContain("BROKEN");

		// Someone edits one entry of Yên Mô's chain directly in the database.
		try (var db = EmbeddedDatabase.start(restored, 0, false);
				var c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "")) {
			assertThat(c.createStatement().executeUpdate("update audit_entry set after_summary = coalesce(after_summary, '') || ' (sửa)' "
					+ "where id = (select min(id) from audit_entry where unit_code = '14701')")).isEqualTo(1);
		}
		var edited = verifyAudit(restored);
		assertThat(edited.exit()).as(edited.output()).isEqualTo(1);
		assertThat(edited.output()).containsPattern("14701\\s+BROKEN");
	}

	private record Run(int exit, String output) {
	}

	/** {@code java -cp … vn.xaso.XasoApplication verify-audit --xaso.data-dir=…}, as the jar runs it. */
	private static Run verifyAudit(Path dataDir) throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var log = Files.createTempFile(dataDir.getParent(), "verify-audit", ".log");
		var process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), XasoApplication.class.getName(), "verify-audit", "--xaso.data-dir=" + dataDir,
				"--xaso.backup.schedule=-", "--xaso.db.durable=false"))
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("verify-audit finished").isTrue();
		return new Run(process.exitValue(), Files.readString(log));
	}
}
