package vn.xaso.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * After a crash, the events whose listeners had not finished are sent to them again — bounded. Spring
 * Modulith's own {@code republish-outstanding-events-on-restart} (switched off in application.yml) loads
 * every incomplete publication and runs every listener in turn <em>inside the start-up</em>: after a day
 * without the province link that is thousands of Kafka sends, each waiting for its timeout, before XaSo
 * answers a single request, and a listener that always fails is tried again at every start for ever.
 * <p>
 * Here the work starts once XaSo is ready, on a thread of its own, and takes only publications from
 * before this start, in rounds of {@code batch} (oldest first) with a {@code pause} between rounds;
 * each publication is tried once per start. Publications older than {@code max-age} or already tried
 * {@code max-attempts} times are left alone (counted in the log line; they stay in the outbox for an
 * operator, and metric events keep being retried by the insights redelivery job).
 */
@Component
class OutstandingEventsOnStart {

	private static final Logger log = LoggerFactory.getLogger(OutstandingEventsOnStart.class);

	private final IncompleteEventPublications incomplete;
	private final Clock clock;
	private final Settings settings;

	/** The bounds; {@code xaso.events.republish-on-start.*}. */
	record Settings(boolean enabled, int batch, Duration pause, Duration maxAge, int maxAttempts) {
	}

	/** What one start did: tried (once each), left because too old, left because tried too often, rounds. */
	record Outcome(int tried, int tooOld, int givenUp, int rounds) {
	}

	@Autowired
	OutstandingEventsOnStart(IncompleteEventPublications incomplete, Optional<Clock> clock,
			@Value("${xaso.events.republish-on-start.enabled:true}") boolean enabled,
			@Value("${xaso.events.republish-on-start.batch:100}") int batch,
			@Value("${xaso.events.republish-on-start.pause:2s}") Duration pause,
			@Value("${xaso.events.republish-on-start.max-age:7d}") Duration maxAge,
			@Value("${xaso.events.republish-on-start.max-attempts:10}") int maxAttempts) {
		this(incomplete, clock.orElse(Clock.systemUTC()), new Settings(enabled, batch, pause, maxAge, maxAttempts));
	}

	OutstandingEventsOnStart(IncompleteEventPublications incomplete, Clock clock, Settings settings) {
		this.incomplete = incomplete;
		this.clock = clock;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (!settings.enabled() || !"serve".equals(System.getProperty("xaso.command", "serve"))) {
			return;
		}
		var startedAt = clock.instant();
		Thread.ofVirtual().name("outbox-after-start").start(() -> {
			try {
				republish(startedAt);
			}
			catch (RuntimeException e) {
				log.warn("Sending the events left from before the start failed; they stay in the outbox: {}", e.toString());
			}
		});
	}

	/** Sends the publications from before {@code startedAt} again, within the bounds; returns when done. */
	Outcome republish(Instant startedAt) {
		var oldest = startedAt.minus(settings.maxAge());
		Set<UUID> tried = new HashSet<>();
		Set<UUID> tooOld = new HashSet<>();
		Set<UUID> givenUp = new HashSet<>();
		int rounds = 0;
		while (true) {
			var taken = new AtomicInteger();
			incomplete.resubmitIncompletePublications(p -> take(p, startedAt, oldest, tried, tooOld, givenUp, taken));
			rounds++;
			if (taken.get() < settings.batch()) {
				break;
			}
			try {
				Thread.sleep(settings.pause());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		var outcome = new Outcome(tried.size(), tooOld.size(), givenUp.size(), rounds);
		if (tried.size() + tooOld.size() + givenUp.size() > 0) {
			log.info("Events left from before the start: {} sent again in {} rounds; left in the outbox: {} older than {}, "
					+ "{} tried {} times already", outcome.tried(), outcome.rounds(), outcome.tooOld(), settings.maxAge(),
					outcome.givenUp(), settings.maxAttempts());
		}
		return outcome;
	}

	private boolean take(EventPublication p, Instant startedAt, Instant oldest, Set<UUID> tried, Set<UUID> tooOld,
			Set<UUID> givenUp, AtomicInteger taken) {
		var id = p.getIdentifier();
		if (!p.getPublicationDate().isBefore(startedAt) || tried.contains(id)) {
			return false; // published by this run (its listener may still be at work), or tried in an earlier round
		}
		if (p.getPublicationDate().isBefore(oldest)) {
			tooOld.add(id);
			return false;
		}
		if (p.getCompletionAttempts() >= settings.maxAttempts()) {
			givenUp.add(id);
			return false;
		}
		if (taken.get() >= settings.batch()) {
			return false;
		}
		taken.incrementAndGet();
		tried.add(id);
		return true;
	}
}
