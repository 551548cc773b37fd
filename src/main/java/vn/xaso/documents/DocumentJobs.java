package vn.xaso.documents;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled work of the documents module: reminders to handlers (hourly) and retries of failed
 * e-mails (every 5 minutes). Off with {@code xaso.documents.jobs.enabled=false} (the tests call the
 * jobs directly with a chosen "now").
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "xaso.documents.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DocumentJobs {

	private static final Logger log = LoggerFactory.getLogger(DocumentJobs.class);

	private final DocumentReminders reminders;
	private final DocumentMail mail;
	private final Clock clock;

	DocumentJobs(DocumentReminders reminders, DocumentMail mail, Clock clock) {
		this.reminders = reminders;
		this.mail = mail;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${xaso.documents.reminders.initial-delay-ms:60000}",
			fixedDelayString = "${xaso.documents.reminders.interval-ms:3600000}")
	@SchedulerLock(name = "documents.reminders", lockAtLeastFor = "${xaso.documents.reminders.interval-ms:3600000}", lockAtMostFor = "PT2H")
	void remind() {
		try {
			int sent = reminders.run(clock.instant());
			if (sent > 0) {
				log.info("Sent {} document reminders", sent);
			}
		}
		catch (RuntimeException e) {
			log.error("Document reminders failed; next run in an hour", e);
		}
	}

	@Scheduled(initialDelayString = "${xaso.mail.retry-initial-delay-ms:120000}",
			fixedDelayString = "${xaso.mail.retry-interval-ms:300000}")
	@SchedulerLock(name = "documents.mail-retry", lockAtLeastFor = "${xaso.mail.retry-interval-ms:300000}", lockAtMostFor = "PT30M")
	void retryMail() {
		try {
			mail.retryDue(clock.instant());
		}
		catch (RuntimeException e) {
			log.error("Retrying document e-mails failed", e);
		}
	}
}
