package vn.xaso.notify.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The notify module's scheduled work: every minute, one round of due deliveries (retries with
 * back-off, rows whose sender's lease ran out). Off with {@code xaso.notify.jobs.enabled=false};
 * the tests call {@link Deliverer#runRound} directly with a chosen "now".
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "xaso.notify.jobs.enabled", havingValue = "true", matchIfMissing = true)
class NotifyJobs {

	private static final Logger log = LoggerFactory.getLogger(NotifyJobs.class);

	private final Deliverer deliverer;
	private final Clock clock;

	NotifyJobs(Deliverer deliverer, Clock clock) {
		this.deliverer = deliverer;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${xaso.notify.retry-initial-delay-ms:30000}", fixedDelayString = "${xaso.notify.retry-interval-ms:60000}")
	@SchedulerLock(name = "notify.deliver-due", lockAtLeastFor = "${xaso.notify.retry-interval-ms:60000}", lockAtMostFor = "PT15M")
	void deliverDue() {
		try {
			int n = deliverer.runRound(clock.instant());
			if (n > 0) {
				log.info("Worked on {} due notice deliveries", n);
			}
		}
		catch (RuntimeException e) {
			log.error("Delivering due notices failed; next round in a minute", e);
		}
	}
}
