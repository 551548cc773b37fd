package vn.xaso.portal.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import vn.xaso.portal.Posts;

/**
 * Announces scheduled posts when their time comes (every minute by default). Off with
 * {@code xaso.portal.jobs.enabled=false}; tests call {@link Posts#announceDue()} directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "xaso.portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class AnnouncementJob {

	private static final Logger log = LoggerFactory.getLogger(AnnouncementJob.class);

	private final Posts posts;

	AnnouncementJob(Posts posts) {
		this.posts = posts;
	}

	@Scheduled(initialDelayString = "${xaso.portal.announce-initial-delay-ms:30000}", fixedDelayString = "${xaso.portal.announce-interval-ms:60000}")
	@SchedulerLock(name = "portal.announce", lockAtLeastFor = "${xaso.portal.announce-interval-ms:60000}", lockAtMostFor = "PT15M")
	void announce() {
		try {
			int n = posts.announceDue();
			if (n > 0) {
				log.info("Announced {} scheduled portal posts", n);
			}
		}
		catch (RuntimeException e) {
			log.error("Announcing scheduled portal posts failed; next try in a minute", e);
		}
	}
}
