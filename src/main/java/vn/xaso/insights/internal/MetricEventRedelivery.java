package vn.xaso.insights.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.xaso.platform.metrics.MetricEvent;

/**
 * Delivers metric events again whose listener failed or never finished (e.g. no database
 * connection under a burst, Kafka unreachable): Spring Modulith keeps them as incomplete
 * publications but would otherwise retry them only at the next start. Redelivery is harmless —
 * {@link Facts#apply} ignores an event id it has applied, and the national consumer does the same.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "xaso.insights.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MetricEventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(MetricEventRedelivery.class);

	private final IncompleteEventPublications incomplete;
	private final Duration after;

	MetricEventRedelivery(IncompleteEventPublications incomplete,
			@Value("${xaso.insights.redeliver-after:2m}") Duration after) {
		this.incomplete = incomplete;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${xaso.insights.redeliver-every:60s}", initialDelayString = "${xaso.insights.redeliver-every:60s}")
	@SchedulerLock(name = "insights.redeliver-metrics", lockAtLeastFor = "${xaso.insights.redeliver-every:60s}", lockAtMostFor = "PT15M")
	void redeliver() {
		var before = Instant.now().minus(after);
		try {
			incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof MetricEvent
					&& p.getPublicationDate().isBefore(before));
		}
		catch (RuntimeException e) {
			log.warn("Metric events could not be delivered again yet: {}", e.toString());
		}
	}
}
