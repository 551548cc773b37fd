package vn.xaso.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Issue 12: after a crash the outstanding events are sent again <em>bounded</em> — not inside the
 * start-up, in rounds of a fixed size, each publication once per start, none older than the age limit
 * or tried too often, nothing published by the new run. The registry is a stand-in that behaves like
 * Modulith's (listeners run for the publications the filter accepts; a failing one stays incomplete with
 * one more attempt).
 */
class OutstandingEventsOnStartTests {

	static final Instant START = Instant.parse("2026-12-06T08:00:00Z");

	@Test
	void modulithsUnboundedRepublishInsideTheStartIsOff() {
		var yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		assertThat(yaml.getObject()).containsEntry("spring.modulith.events.republish-outstanding-events-on-restart", false);
	}

	@Test
	void outstandingEventsAreSentAgainInBoundedRoundsEachOnceAndFailingOnesNotForEver() {
		var registry = new Registry();
		// 250 from before the crash (30 of them fail every time), 5 a month old, 4 tried ten times already,
		// 3 published by the new run after its start.
		var failing = new HashSet<UUID>();
		for (int i = 0; i < 250; i++) {
			var p = registry.add(START.minusSeconds(86_400 - i * 300L), 0);
			if (i % 25 == 0 || i % 25 == 1 || i % 25 == 2) {
				failing.add(p.id);
			}
		}
		registry.failing.addAll(failing);
		for (int i = 0; i < 5; i++) {
			registry.add(START.minus(Duration.ofDays(30)), 0);
		}
		for (int i = 0; i < 4; i++) {
			registry.add(START.minusSeconds(600), 10);
		}
		for (int i = 0; i < 3; i++) {
			registry.add(START.plusSeconds(5), 0);
		}
		var job = new OutstandingEventsOnStart(registry, Clock.fixed(START, ZoneOffset.UTC),
				new OutstandingEventsOnStart.Settings(true, 100, Duration.ofMillis(10), Duration.ofDays(7), 10));

		var outcome = job.republish(START);

		assertThat(outcome).isEqualTo(new OutstandingEventsOnStart.Outcome(250, 5, 4, 3));
		assertThat(registry.roundSizes).as("rounds of at most 100").containsExactly(100, 100, 50);
		assertThat(registry.all.stream().filter(p -> failing.contains(p.id))).as("a failing event is tried once per start")
			.allMatch(p -> p.attempts == 1 && !p.completed);
		assertThat(registry.all.stream().filter(p -> !failing.contains(p.id) && p.published.isBefore(START)
				&& p.published.isAfter(START.minus(Duration.ofDays(7))) && p.attempts <= 1))
			.as("every other one from before the start is delivered").allMatch(p -> p.completed);
		assertThat(registry.all.stream().filter(p -> !p.published.isBefore(START))).as("the new run's own events are left to it")
			.allMatch(p -> p.attempts == 0 && !p.completed);
		assertThat(registry.all.stream().filter(p -> p.attempts >= 10)).as("tried too often: left alone").allMatch(p -> p.attempts == 10);

		// The next start tries the failing ones once more — and again only once.
		var again = job.republish(START.plus(Duration.ofHours(1)));
		assertThat(again.tried()).as("the 30 failing ones and the 3 from the previous run").isEqualTo(30 + 3);
		assertThat(registry.all.stream().filter(p -> failing.contains(p.id))).allMatch(p -> p.attempts == 2);
	}

	@Test
	void theStartDoesNotWaitForTheSends() throws Exception {
		var registry = new Registry();
		for (int i = 0; i < 5; i++) {
			registry.add(START.minusSeconds(60), 0);
		}
		var release = new CountDownLatch(1);
		registry.slowSend = release; // every send hangs, as against a dead broker
		var job = new OutstandingEventsOnStart(registry, Optional.of(Clock.systemUTC()), true, 2, Duration.ofMillis(10),
				Duration.ofDays(7), 10);
		long started = System.nanoTime();
		job.ready();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ready() returns at once").isLessThan(Duration.ofSeconds(1));
		release.countDown();
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (registry.all.stream().anyMatch(p -> !p.completed) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(registry.all).as("then sent in the background").allMatch(p -> p.completed);
	}

	/** Modulith's registry in miniature: oldest first, accepted ones run their listener, attempts counted. */
	static final class Registry implements IncompleteEventPublications {
		final List<Publication> all = new ArrayList<>();
		final Set<UUID> failing = new HashSet<>();
		final List<Integer> roundSizes = new ArrayList<>();
		volatile CountDownLatch slowSend;

		Publication add(Instant published, int attempts) {
			var p = new Publication(UUID.randomUUID(), published);
			p.attempts = attempts;
			all.add(p);
			all.sort((a, b) -> a.published.compareTo(b.published));
			return p;
		}

		@Override
		public synchronized void resubmitIncompletePublications(Predicate<EventPublication> filter) {
			int n = 0;
			for (var p : List.copyOf(all)) {
				if (!p.completed && filter.test(p)) {
					n++;
					p.attempts++;
					if (slowSend != null) {
						try {
							slowSend.await();
						}
						catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
					}
					p.completed = !failing.contains(p.id);
				}
			}
			roundSizes.add(n);
		}

		@Override
		public void resubmitIncompletePublicationsOlderThan(Duration duration) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void resubmitIncompletePublications(ResubmissionOptions options) {
			throw new UnsupportedOperationException();
		}
	}

	static final class Publication implements EventPublication {
		final UUID id;
		final Instant published;
		volatile int attempts;
		volatile boolean completed;

		Publication(UUID id, Instant published) {
			this.id = id;
			this.published = published;
		}

		@Override
		public UUID getIdentifier() {
			return id;
		}

		@Override
		public Object getEvent() {
			return "event " + id;
		}

		@Override
		public Instant getPublicationDate() {
			return published;
		}

		@Override
		public Optional<Instant> getCompletionDate() {
			return completed ? Optional.of(published) : Optional.empty();
		}

		@Override
		public Status getStatus() {
			return completed ? Status.COMPLETED : Status.FAILED;
		}

		@Override
		public Instant getLastResubmissionDate() {
			return published;
		}

		@Override
		public int getCompletionAttempts() {
			return attempts;
		}
	}
}
