package vn.xaso.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server a commune instance runs by default. Its data lives in
 * {@code <data dir>/pg17}, so a restart keeps everything; its own log in {@code <data dir>/pg17.log}.
 *
 * <ul>
 * <li><b>Durable</b>: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on
 * (zonky's defaults turn the first two off, which loses acknowledged commits on a power cut).
 * Only tests may switch them off ({@code xaso.db.durable=false}).</li>
 * <li><b>Dies with XaSo</b>: {@code postgres} is started directly (not daemonised by
 * {@code pg_ctl}) by a keeper thread that lives as long as the JVM, through
 * {@code setpriv --pdeathsig INT}: when the Java process dies, even by {@code kill -9}, the kernel
 * sends the server SIGINT (fast shutdown).</li>
 * <li><b>Cleans up after a crash</b>: a server of the same folder left by a dead XaSo (for example
 * one started by an older version) is stopped before start-up ({@link LeftoverServer}).</li>
 * <li><b>Comes back</b>: if the server process dies while XaSo runs, the keeper starts it again on
 * the same port; the connection pool reconnects by itself.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	public static final String SUPERUSER = "postgres";
	private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);

	private final Path dataDir;
	private final Path pgDir;
	private final int port;
	private final boolean durable;
	private final PostgresBinaries binaries;
	private final Thread keeper;
	private volatile Process process;
	private volatile boolean closing;
	private final CompletableFuture<String> startFailure = new CompletableFuture<>();
	private volatile boolean everReady;
	private volatile int restarts;
	private volatile boolean holdRestarts;

	private EmbeddedDatabase(Path dataDir, int port, boolean durable) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.pgDir = this.dataDir.resolve("pg17");
		this.port = port;
		this.durable = durable;
		this.binaries = PostgresBinaries.unpack();
		this.keeper = new Thread(this::keep, "embedded-postgres-keeper");
		this.keeper.setDaemon(true);
	}

	public static EmbeddedDatabase start(Path dataDir, int port) {
		return start(dataDir, port, true);
	}

	public static EmbeddedDatabase start(Path dataDir, int port, boolean durable) {
		try {
			var started = System.nanoTime();
			var db = new EmbeddedDatabase(dataDir, port > 0 ? port : freePort(), durable);
			Files.createDirectories(db.dataDir);
			LeftoverServer.stopIfLeftOver(db.pgDir, Duration.ofSeconds(30));
			if (!Files.exists(db.pgDir.resolve("PG_VERSION"))) {
				db.initdb();
			}
			db.keeper.start();
			db.awaitReady(STARTUP_WAIT);
			log.info("Embedded PostgreSQL 17 ready on port {} with data in {} ({} ms, durable: {})", db.port, db.pgDir,
					(System.nanoTime() - started) / 1_000_000, durable);
			return db;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	public int port() {
		return port;
	}

	public Path dataDirectory() {
		return pgDir;
	}

	/** The server process now (it changes when the keeper restarts a server that died). */
	public long pid() {
		var p = process;
		return p == null ? -1 : p.pid();
	}

	public boolean running() {
		var p = process;
		return p != null && p.isAlive();
	}

	/** How often the keeper had to start the server again since XaSo started. */
	public int restarts() {
		return restarts;
	}

	/** Tests only: keep a server that died down (as if it could not start again), or let it come back. */
	void holdRestarts(boolean hold) {
		this.holdRestarts = hold;
	}

	/** Waits until the server accepts connections (after a restart by the keeper, for example). */
	public void awaitReady(Duration timeout) {
		var deadline = System.nanoTime() + timeout.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (startFailure.isDone()) {
				throw new IllegalStateException("The embedded PostgreSQL could not be started (" + startFailure.join()
						+ "); its log " + logFile() + " ends with:\n" + logTail());
			}
			var p = process;
			if (p != null && p.isAlive()) {
				try (var c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, "")) {
					c.createStatement().execute("select 1");
					everReady = true;
					return;
				}
				catch (SQLException e) {
					last = e;
				}
			}
			sleep(100);
		}
		throw new IllegalStateException("The embedded PostgreSQL did not accept connections within " + timeout.toSeconds()
				+ " s: " + logTail(), last);
	}

	@Override
	public void close() {
		closing = true;
		var p = process;
		if (p != null && p.isAlive()) {
			var started = System.nanoTime();
			LeftoverServer.signal(p.pid(), "INT"); // fast shutdown
			try {
				if (!p.waitFor(30, TimeUnit.SECONDS)) {
					log.warn("Embedded PostgreSQL did not stop within 30 s; killing it");
					p.descendants().forEach(ProcessHandle::destroyForcibly);
					p.destroyForcibly();
					p.waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			log.info("Embedded PostgreSQL stopped ({} ms)", (System.nanoTime() - started) / 1_000_000);
		}
		keeper.interrupt();
	}

	/** Runs on the keeper thread: the parent-death signal belongs to the thread that started the process. */
	private void keep() {
		long backoff = 500;
		while (!closing) {
			try {
				var p = spawn();
				process = p;
				var startedAt = System.nanoTime();
				int code = p.waitFor();
				if (closing) {
					return;
				}
				if (!everReady) {
					startFailure.complete("exit code " + code);
					return;
				}
				if (System.nanoTime() - startedAt > TimeUnit.MINUTES.toNanos(1)) {
					backoff = 500;
				}
				log.error("Cơ sở dữ liệu đã dừng bất thường (mã {}), đang khởi động lại sau {} ms / The embedded PostgreSQL"
						+ " stopped unexpectedly (exit code {}); starting it again in {} ms", code, backoff, code, backoff);
				sleep(backoff);
				while (holdRestarts && !closing) {
					sleep(100);
				}
				backoff = Math.min(backoff * 2, 10_000);
				restarts++;
			}
			catch (IOException e) {
				if (!everReady) {
					startFailure.complete(e.toString());
					return;
				}
				log.error("Could not start the embedded PostgreSQL", e);
				sleep(backoff);
				backoff = Math.min(backoff * 2, 10_000);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	private Process spawn() throws IOException {
		// A server process that died may leave children (backends) behind for a moment; they exit
		// when they notice. postgres itself removes the stale postmaster.pid of a dead server.
		var args = new ArrayList<String>(List.of("-D", pgDir.toString(), "-p", Integer.toString(port), "-c",
				"listen_addresses=127.0.0.1", "-c", "max_connections=60", "-c", "shared_buffers=128MB", "-c",
				"timezone=UTC", "-c", "wal_keep_size=256MB"));
		for (var setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
			args.addAll(List.of("-c", setting + "=" + (durable ? "on" : "off")));
		}
		var command = new ArrayList<String>();
		if (PostgresBinaries.runningAsRoot()) {
			command.addAll(List.of("unshare", "-U"));
		}
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "INT"));
		}
		command.add(binaries.bin("postgres").toString());
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
			.start();
	}

	private void initdb() throws IOException {
		log.info("Creating the embedded PostgreSQL data folder {}", pgDir);
		Files.createDirectories(pgDir);
		var command = binaries.command("initdb", List.of("-A", "trust", "-U", SUPERUSER, "-D", pgDir.toString(), "-E",
				"UTF-8", "--encoding=UTF8", "--locale=C.UTF-8"));
		var p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
			.start();
		try {
			if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
				throw new IllegalStateException("initdb failed: " + logTail());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the database", e);
		}
	}

	private Path logFile() {
		return dataDir.resolve("pg17.log");
	}

	private String logTail() {
		try {
			var lines = Files.readAllLines(logFile());
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException | RuntimeException e) {
			return "(no log)";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
