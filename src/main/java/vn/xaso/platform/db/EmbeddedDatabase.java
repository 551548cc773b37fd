package vn.xaso.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL 17 server a commune instance runs by default. Its data lives in
 * {@code <data dir>/pg17}, so a restart keeps everything. Zonky's own shutdown hook is disabled:
 * Spring closes this bean after the application context (and the event registry) has stopped.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	public static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedDatabase start(Path dataDir, int port) {
		try {
			var pgDir = dataDir.resolve("pg17").toAbsolutePath();
			Files.createDirectories(pgDir.getParent());
			int chosen = port > 0 ? port : freePort();
			var started = System.nanoTime();
			var pg = EmbeddedPostgres.builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(chosen)
				.setServerConfig("max_connections", "60")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8")
				.start();
			log.info("Embedded PostgreSQL 17 ready on port {} with data in {} ({} ms)", chosen, pgDir,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedDatabase(pg);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly", e);
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
