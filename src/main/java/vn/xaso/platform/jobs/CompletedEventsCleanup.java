package vn.xaso.platform.jobs;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Spring Modulith keeps a row per delivered event in {@code event_publication} (completion mode
 * UPDATE): at a few thousand events a day the outbox table would only grow. Delivered publications
 * older than {@code xaso.events.keep-completed} (7 days) are deleted hourly; waiting (incomplete) ones
 * are never touched, however old — they are the province link's backlog. The age is measured on the
 * registry's clock (the application's {@link java.time.Clock} bean when there is one).
 */
@Component
@EnableScheduling
class CompletedEventsCleanup {

	private static final Logger log = LoggerFactory.getLogger(CompletedEventsCleanup.class);

	private final CompletedEventPublications completed;
	private final Duration keep;

	CompletedEventsCleanup(CompletedEventPublications completed, @Value("${xaso.events.keep-completed:7d}") Duration keep) {
		this.completed = completed;
		this.keep = keep;
	}

	@Scheduled(fixedDelayString = "${xaso.events.cleanup-every:1h}", initialDelayString = "${xaso.events.cleanup-every:1h}")
	@SchedulerLock(name = "platform.completed-events-cleanup", lockAtLeastFor = "PT1S", lockAtMostFor = "PT30M")
	void clean() {
		try {
			completed.deletePublicationsOlderThan(keep);
		}
		catch (RuntimeException e) {
			log.debug("Delivered events could not be cleaned up yet: {}", e.toString());
		}
	}
}
