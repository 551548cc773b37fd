package vn.xaso.platform.db;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled backups of the embedded database ({@code xaso.backup.schedule}, a cron expression,
 * default 02:30 every day; "-" turns it off), keeping the newest {@code xaso.backup.keep}.
 * Nothing happens with an external database ({@code xaso.db.url}): its operator backs it up.
 */
@Component
class BackupSchedule {

	private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

	private final DatabaseConfiguration.DatabaseEndpoint endpoint;
	private final Environment env;

	BackupSchedule(DatabaseConfiguration.DatabaseEndpoint endpoint, Environment env) {
		this.endpoint = endpoint;
		this.env = env;
	}

	@Scheduled(cron = "${xaso.backup.schedule:0 30 2 * * *}")
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "platform.backup", lockAtLeastFor = "PT5M", lockAtMostFor = "PT6H")
	void backup() {
		var db = endpoint.embedded();
		if (db == null || !"serve".equals(System.getProperty("xaso.command", "serve"))) {
			return;
		}
		var dataDir = Path.of(env.getProperty("xaso.data-dir", "./data")).toAbsolutePath().normalize();
		var root = Path.of(env.getProperty("xaso.backup.dir", dataDir.resolve("backups").toString())).toAbsolutePath().normalize();
		try {
			Backup.create(dataDir, db.port(), root);
			Backup.prune(root, env.getProperty("xaso.backup.keep", Integer.class, 7));
		}
		catch (RuntimeException e) {
			log.error("Sao lưu tự động thất bại / scheduled backup failed", e);
		}
	}
}
