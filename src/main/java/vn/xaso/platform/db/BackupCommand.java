package vn.xaso.platform.db;

import java.nio.file.Path;
import java.util.Arrays;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.Refusal;

/**
 * {@code java -jar xaso.jar backup [--xaso.data-dir=…] [--xaso.backup.dir=…] [--xaso.backup.keep=7]}
 * and {@code java -jar xaso.jar restore <backup folder> [--xaso.data-dir=<empty folder>]}. Run
 * without Spring: backup works while XaSo runs (it finds the server through
 * {@code postmaster.pid}) and, if XaSo is stopped, starts the embedded server for the time of the
 * backup.
 */
@org.springframework.modulith.NamedInterface("backup")
public final class BackupCommand {

	private BackupCommand() {
	}

	public static int run(String command, String[] args) {
		var dataDir = Path.of(option(args, "xaso.data-dir", env("XASO_DATA_DIR", "./data"))).toAbsolutePath().normalize();
		try {
			if (command.equals("backup")) {
				var root = Path.of(option(args, "xaso.backup.dir", env("XASO_BACKUP_DIR", dataDir.resolve("backups").toString())))
					.toAbsolutePath().normalize();
				int keep = Integer.parseInt(option(args, "xaso.backup.keep", env("XASO_BACKUP_KEEP", "7")));
				var port = LeftoverServer.runningPort(dataDir.resolve("pg17"));
				Path written;
				if (port.isPresent()) {
					written = Backup.create(dataDir, port.get(), root);
				}
				else {
					try (var db = EmbeddedDatabase.start(dataDir, 0)) {
						written = Backup.create(dataDir, db.port(), root);
					}
				}
				System.out.println(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.backupWritten", String.valueOf(written)));
				for (var old : Backup.prune(root, keep)) {
					System.out.println(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.backupRemoved", String.valueOf(old)));
				}
				return 0;
			}
			var positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
			if (positional.isEmpty()) {
				System.err.println("usage: java -jar xaso.jar restore <backup folder> [--xaso.data-dir=<empty folder>]");
				return 2;
			}
			Backup.restore(Path.of(positional.get(0)).toAbsolutePath().normalize(), dataDir);
			System.out.println(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.restored", String.valueOf(dataDir)));
			return 0;
		}
		catch (RuntimeException e) {
			System.err.println(Refusal.bundleText(PersonalData.BUNDLE, "platform.cli.error", String.valueOf(e.getMessage())));
			return 1;
		}
	}

	private static String option(String[] args, String name, String fallback) {
		for (var arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return fallback;
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
