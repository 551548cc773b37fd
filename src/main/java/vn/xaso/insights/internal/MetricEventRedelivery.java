package vn.xaso.insights.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.time.Duration;
import java.time.Instant;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>
 * While the province link is down ({@link ProvinceLink}) only a probe of {@code probe} events is sent
 * per round, not the whole backlog: after a day without the broker that backlog is thousands of
 * events, each holding a transaction while the producer gives up on it. When a probe gets through
 * the link is up again and the next rounds send up to {@code batch} events each, oldest first. A
 * failing round is logged once until a round succeeds again, not every minute. A publication sent
 * again is not sent again before {@code after} has passed (longer than Kafka's delivery timeout): the
 * probe used to go out every round while the previous one still waited in the producer, and when the
 * link came back both arrived. Time is read from the application's {@link java.time.Clock} (if one is
 * defined, as Modulith's registry does), so that a test can run a day-long outage on a fast clock.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "xaso.insights.jobs.enabled", havingValue = "true", matchIfMissing = true)
class MetricEventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(MetricEventRedelivery.class);

	private final IncompleteEventPublications incomplete;
	private final Duration after;
	private final ObjectProvider<ProvinceLink> link;
	private final int batch;
	private final int probe;
	private final java.time.Clock clock;
	private volatile boolean failing;
	/** Publications sent again lately: not again before {@code after}, so that one event is never in flight twice. */
	private final java.util.Map<java.util.UUID, Instant> resent = new java.util.concurrent.ConcurrentHashMap<>();

	MetricEventRedelivery(IncompleteEventPublications incomplete,
			@Value("${xaso.insights.redeliver-after:2m}") Duration after, ObjectProvider<ProvinceLink> link,
			@Value("${xaso.insights.redeliver-batch:2000}") int batch, @Value("${xaso.insights.redeliver-probe:1}") int probe,
			java.util.Optional<java.time.Clock> clock) {
		this.incomplete = incomplete;
		this.clock = clock.orElse(java.time.Clock.systemUTC());
		this.after = after;
		this.link = link;
		this.batch = batch;
		this.probe = probe;
	}

	/** The local counters' listener: not limited, it needs no link. */
	private static boolean local(org.springframework.modulith.events.EventPublication p) {
		return p instanceof org.springframework.modulith.events.core.TargetEventPublication t
				&& t.getTargetIdentifier().getValue().contains(MetricEventListener.class.getSimpleName());
	}

	@Scheduled(fixedDelayString = "${xaso.insights.redeliver-every:60s}", initialDelayString = "${xaso.insights.redeliver-every:60s}")
	@SchedulerLock(name = "insights.redeliver-metrics", lockAtLeastFor = "${xaso.insights.redeliver-every:60s}", lockAtMostFor = "PT15M")
	void redeliver() {
		var now = clock.instant(); // the outbox's clock (Modulith's registry takes the same Clock bean)
		var before = now.minus(after);
		resent.values().removeIf(at -> at.isBefore(before));
		var province = link.getIfAvailable();
		int limit = province != null && province.down() ? probe : batch;
		var taken = new AtomicInteger();
		try {
			incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof MetricEvent
					&& p.getPublicationDate().isBefore(before) && !resent.containsKey(p.getIdentifier())
					&& (local(p) || taken.incrementAndGet() <= limit) && resent.putIfAbsent(p.getIdentifier(), now) == null);
			if (failing) {
				failing = false;
				log.info("Metric events are being delivered again");
			}
		}
		catch (RuntimeException e) {
			if (!failing) {
				failing = true;
				log.warn("Metric events could not be delivered again yet (no further warning until it works): {}", e.toString());
			}
			else {
				log.debug("Metric events could not be delivered again yet: {}", e.toString());
			}
		}
	}
}
