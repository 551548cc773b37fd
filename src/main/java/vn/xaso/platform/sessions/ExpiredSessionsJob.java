package vn.xaso.platform.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes expired HTTP sessions from PostgreSQL, once per period across replicas (ShedLock). Spring
 * Session's own timer ({@code spring.session.jdbc.cleanup-cron}) is off: it would run on every replica.
 */
@Component
@EnableScheduling
public class ExpiredSessionsJob {

	private static final Logger log = LoggerFactory.getLogger(ExpiredSessionsJob.class);

	private final JdbcIndexedSessionRepository sessions;

	ExpiredSessionsJob(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(initialDelayString = "${xaso.sessions.cleanup-every:1m}", fixedDelayString = "${xaso.sessions.cleanup-every:1m}")
	@SchedulerLock(name = "platform.expired-sessions", lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
	void scheduled() {
		run();
	}

	/** Deletes every session whose expiry time has passed (their attributes go with them: on delete cascade). */
	public void run() {
		sessions.cleanUpExpiredSessions();
		log.debug("Expired HTTP sessions deleted");
	}
}
