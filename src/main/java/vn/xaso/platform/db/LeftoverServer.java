package vn.xaso.platform.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.Refusal;

/**
 * A PostgreSQL server still running on a data folder after the XaSo that started it died
 * ({@code kill -9}, out of memory, power cut of the JVM only). Without this, the next start fails
 * with {@code lock file "postmaster.pid" already exists}. Found through {@code postmaster.pid}
 * (line 1: process id, line 2: data folder, line 4: port) and checked against
 * {@code /proc/<pid>/cmdline}, so that an unrelated process that got the same id is never touched.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	private LeftoverServer() {
	}

	/** The port of a PostgreSQL of this folder that is running now, if any. */
	static Optional<Integer> runningPort(Path pgDir) {
		return readPidFile(pgDir).filter(pid -> isPostgresOf(pid, pgDir)).map(PidFile::port);
	}

	/**
	 * Stops a server of this folder left over by a dead XaSo: SIGINT (fast shutdown: rolls back open
	 * transactions, writes a checkpoint), then SIGKILL of it and its children if it is still there
	 * after {@code grace}. Refuses if the server's parent is a live Java process: another XaSo is
	 * using the folder.
	 */
	static void stopIfLeftOver(Path pgDir, Duration grace) {
		var pidFile = readPidFile(pgDir);
		if (pidFile.isEmpty()) {
			return;
		}
		long pid = pidFile.get().pid();
		if (!isPostgresOf(pidFile.get(), pgDir)) {
			return; // postgres itself sees that the id in the file is not a running server
		}
		var process = ProcessHandle.of(pid).orElse(null);
		if (process == null) {
			return;
		}
		var parent = process.parent().orElse(null);
		if (parent != null && parent.pid() != 1 && parent.pid() != ProcessHandle.current().pid() && parent.isAlive()
				&& cmdline(parent.pid()).contains("java")) {
			throw new IllegalStateException(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.folderInUse", pgDir.toString(), String.valueOf(parent.pid())));
		}
		log.warn("Cơ sở dữ liệu của lần chạy trước vẫn còn chạy (PostgreSQL tiến trình {}), đang dừng nó trước khi khởi động"
				+ " / A PostgreSQL left running by a previous XaSo (process {}) on {} is being stopped before start-up",
				pid, pid, pgDir);
		var children = process.descendants().toList();
		signal(pid, "INT");
		if (!waitForExit(process, grace)) {
			log.warn("PostgreSQL {} did not stop within {} s; killing it (SIGKILL) / chưa dừng, buộc dừng", pid,
					grace.toSeconds());
			process.destroyForcibly();
			children.forEach(ProcessHandle::destroyForcibly);
			waitForExit(process, Duration.ofSeconds(10));
		}
		for (var child : children) {
			waitForExit(child, Duration.ofSeconds(5));
		}
		log.info("Đã dừng PostgreSQL cũ / the leftover PostgreSQL {} has stopped", pid);
	}

	static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException e) {
			return !process.isAlive();
		}
		catch (java.util.concurrent.ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/** Sends a signal with kill(1): Java's own API only knows SIGTERM and SIGKILL. */
	static void signal(long pid, String signal) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
		}
		catch (IOException e) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The process is a postgres whose command line names the data folder of the pid file, and that is this folder. */
	private static boolean isPostgresOf(PidFile pidFile, Path pgDir) {
		var cmdline = cmdline(pidFile.pid());
		if (!cmdline.contains("postgres") || !cmdline.contains(pidFile.dataDir())) {
			return false;
		}
		try {
			return Path.of(pidFile.dataDir()).toRealPath().equals(pgDir.toRealPath());
		}
		catch (IOException e) {
			return false;
		}
	}

	private static String cmdline(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException | RuntimeException e) {
			return "";
		}
	}

	private static Optional<PidFile> readPidFile(Path pgDir) {
		var file = pgDir.resolve("postmaster.pid");
		try {
			var lines = Files.readAllLines(file);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), lines.get(1).trim(),
					Integer.parseInt(lines.get(3).trim())));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private record PidFile(long pid, String dataDir, int port) {
	}
}
