package vn.xaso.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.Refusal;

/**
 * Online physical backup of the embedded PostgreSQL 17 and of the rest of the data folder, and its
 * restore. zonky ships no {@code pg_dump} or {@code pg_basebackup} and Debian 12's client is
 * version 15 (it refuses a 17 server), so the backup uses PostgreSQL's own low-level API over
 * JDBC, which is what pg_basebackup does: {@code pg_backup_start} (a checkpoint), copy the
 * cluster's files, {@code pg_backup_stop} (returns the {@code backup_label}), switch and copy the
 * WAL. Restoring starts the server on the copy; it replays the WAL up to the end of the backup, so
 * the result is the database as it was at one instant, whatever was written during the copy.
 *
 * <p>A backup is a folder {@code xaso-backup-<UTC time>} with {@code pg17/} (the cluster),
 * {@code files/} (the rest of the data folder, e.g. the signing master key), {@code backup.properties}
 * and {@code SHA256SUMS} ({@code sha256sum -c} format) over all of them.
 */
public final class Backup {

	private static final Logger log = LoggerFactory.getLogger(Backup.class);
	static final String MANIFEST = "SHA256SUMS";
	private static final Set<String> SKIPPED_PG = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label.old");
	private static final Set<String> EMPTIED_PG = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private Backup() {
	}

	/** Backs up the data folder into a new folder under {@code backupRoot}; the server runs at {@code port}. */
	public static Path create(Path dataDir, int port, Path backupRoot) {
		var started = System.nanoTime();
		var target = backupRoot.resolve("xaso-backup-" + STAMP.format(Instant.now()));
		var pgDir = dataDir.resolve("pg17");
		var url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
		try (var c = DriverManager.getConnection(url, EmbeddedDatabase.SUPERUSER, "")) {
			Files.createDirectories(target.resolve("pg17"));
			String startLsn;
			try (var rs = c.createStatement().executeQuery("select pg_backup_start('xaso " + target.getFileName() + "', true)")) {
				rs.next();
				startLsn = rs.getString(1);
			}
			copyTree(pgDir, target.resolve("pg17"), true);
			String stopLsn;
			try (var rs = c.createStatement().executeQuery("select lsn, labelfile, spcmapfile from pg_backup_stop(false)")) {
				rs.next();
				stopLsn = rs.getString(1);
				Files.writeString(target.resolve("pg17/backup_label"), rs.getString(2), StandardCharsets.UTF_8);
				var spcmap = rs.getString(3);
				if (spcmap != null && !spcmap.isEmpty()) {
					Files.writeString(target.resolve("pg17/tablespace_map"), spcmap, StandardCharsets.UTF_8);
				}
			}
			c.createStatement().execute("select pg_switch_wal()");
			copyWal(pgDir.resolve("pg_wal"), target.resolve("pg17/pg_wal"));
			for (var child : list(dataDir)) {
				var name = child.getFileName().toString();
				if (!name.equals("pg17") && !name.equals("pg17.log") && !name.equals("backups") && !child.equals(backupRoot)
						&& !backupRoot.startsWith(child)) {
					copyTree(child, target.resolve("files").resolve(name), false);
				}
			}
			Files.writeString(target.resolve("backup.properties"), "created=" + Instant.now() + "\nstart-lsn=" + startLsn
					+ "\nstop-lsn=" + stopLsn + "\npostgresql=17\n", StandardCharsets.UTF_8);
			writeManifest(target);
			log.info("Sao lưu xong / backup written to {} ({} ms)", target, (System.nanoTime() - started) / 1_000_000);
			return target;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Backup failed", e);
		}
	}

	/** Deletes all but the newest {@code keep} backups in {@code backupRoot}. */
	public static List<Path> prune(Path backupRoot, int keep) {
		var removed = new ArrayList<Path>();
		var backups = list(backupRoot).stream()
			.filter(p -> p.getFileName().toString().startsWith("xaso-backup-") && Files.exists(p.resolve(MANIFEST)))
			.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
			.toList();
		for (var old : backups.subList(Math.min(Math.max(keep, 1), backups.size()), backups.size())) {
			try {
				PostgresBinaries.deleteTree(old);
				removed.add(old);
			}
			catch (IOException e) {
				log.warn("Could not delete old backup {}", old, e);
			}
		}
		return removed;
	}

	/**
	 * Checks every file of a backup against its {@code SHA256SUMS}; returns the problems (empty:
	 * intact).
	 */
	public static List<String> verify(Path backup) {
		var problems = new ArrayList<String>();
		var manifest = backup.resolve(MANIFEST);
		if (!Files.exists(manifest)) {
			return List.of("no " + MANIFEST + " in " + backup);
		}
		try {
			var listed = new LinkedHashMap<String, String>();
			for (var line : Files.readAllLines(manifest)) {
				if (line.length() > 66) {
					listed.put(line.substring(66), line.substring(0, 64));
				}
			}
			var present = hashes(backup);
			present.remove(MANIFEST);
			for (var e : listed.entrySet()) {
				var actual = present.get(e.getKey());
				if (actual == null) {
					problems.add("missing: " + e.getKey());
				}
				else if (!actual.equals(e.getValue())) {
					problems.add("changed: " + e.getKey());
				}
			}
			for (var name : present.keySet()) {
				if (!listed.containsKey(name)) {
					problems.add("not in the manifest: " + name);
				}
			}
		}
		catch (IOException e) {
			problems.add("unreadable: " + e.getMessage());
		}
		return problems;
	}

	/**
	 * Restores a verified backup into a data folder that has no database yet. The server is started
	 * once on the copy (WAL replay up to the end of the backup) and stopped again.
	 */
	public static void restore(Path backup, Path dataDir) {
		var problems = verify(backup);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.backupDamaged", backup.toString(), String.join("; ", problems.subList(0, Math.min(5, problems.size())))));
		}
		var pgDir = dataDir.resolve("pg17");
		if (Files.exists(pgDir) && !list(pgDir).isEmpty()) {
			throw new IllegalStateException(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.folderNotEmpty", pgDir.toString()));
		}
		try {
			copyTree(backup.resolve("pg17"), pgDir, false);
			if (Files.exists(backup.resolve("files"))) {
				for (var child : list(backup.resolve("files"))) {
					copyTree(child, dataDir.resolve(child.getFileName().toString()), false);
				}
			}
			Files.setPosixFilePermissions(pgDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Restore failed", e);
		}
		try (var db = EmbeddedDatabase.start(dataDir, 0)) {
			log.info("Khôi phục xong / restored {} into {} (PostgreSQL port {} for the check)", backup, dataDir, db.port());
		}
	}

	static Map<String, String> hashes(Path root) throws IOException {
		var result = new java.util.TreeMap<String, String>();
		try (var walk = Files.walk(root)) {
			for (var file : walk.filter(Files::isRegularFile).toList()) {
				result.put(root.relativize(file).toString(), sha256(file));
			}
		}
		return result;
	}

	private static void writeManifest(Path target) throws IOException {
		var out = new StringBuilder();
		for (var e : hashes(target).entrySet()) {
			out.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
		}
		Files.writeString(target.resolve(MANIFEST), out, StandardCharsets.UTF_8);
	}

	private static String sha256(Path file) throws IOException {
		try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Copies a tree; files that vanish while it runs (the server is live) are skipped. */
	private static void copyTree(Path from, Path to, boolean cluster) throws IOException {
		if (Files.isRegularFile(from)) {
			Files.createDirectories(to.getParent());
			Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
			return;
		}
		Files.createDirectories(to);
		for (var child : list(from)) {
			var name = child.getFileName().toString();
			var dest = to.resolve(name);
			if (cluster && (SKIPPED_PG.contains(name) || name.startsWith("pgsql_tmp"))) {
				continue;
			}
			try {
				if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
					if (cluster && EMPTIED_PG.contains(name)) {
						Files.createDirectories(dest);
						if (name.equals("pg_wal")) {
							Files.createDirectories(dest.resolve("archive_status"));
						}
						continue;
					}
					copyTree(child, dest, cluster);
				}
				else if (Files.isRegularFile(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
					Files.copy(child, dest, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			catch (NoSuchFileException | FileAlreadyExistsException vanished) {
				// dropped or renamed by the running server during the copy: the WAL replay restores it
			}
		}
	}

	private static void copyWal(Path walDir, Path to) throws IOException {
		Files.createDirectories(to.resolve("archive_status"));
		for (var segment : list(walDir)) {
			if (Files.isRegularFile(segment)) {
				try {
					Files.copy(segment, to.resolve(segment.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
				}
				catch (NoSuchFileException recycled) {
					// an old segment recycled meanwhile: not needed (older than the backup's start)
				}
			}
		}
	}

	private static List<Path> list(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (var s = Files.list(dir)) {
			return s.sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
