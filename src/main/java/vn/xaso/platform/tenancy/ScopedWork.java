package vn.xaso.platform.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The base of a module's work shorthand ({@code FarmWork}, {@code HealthWork}, …): its use cases run through
 * {@link ScopedTransactions} in the scope they need, publish their events and read the clock here; the module's
 * subclass adds only what is its own (the audit entry's shape, a lock on its aggregate).
 */
public abstract class ScopedWork {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final ScopedTransactions tx;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	protected ScopedWork(ScopedTransactions tx, ApplicationEventPublisher events, Clock clock) {
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	/** In the caller's own scope. */
	public <T> T inTx(Supplier<T> work) {
		return tx.inTx(work);
	}

	/** Like {@link #inTx}, for work without a result. */
	public void run(Runnable work) {
		tx.run(work);
	}

	/** In the scope of {@code unitCode} only. */
	public <T> T asUnit(String unitCode, Supplier<T> work) {
		return tx.asUnit(unitCode, work);
	}

	/** For a citizen's own rows: system-wide, so every statement inside must filter by the citizen. */
	public <T> T asCitizen(Supplier<T> work) {
		return tx.asCitizen(work);
	}

	/** Trusted work across units. */
	public <T> T systemWide(Supplier<T> work) {
		return tx.systemWide(work);
	}

	/** Publishes {@code event} (listeners in this transaction run now, the others after the commit). */
	public void publish(Object event) {
		events.publishEvent(event);
	}

	/** Publishes each event, in order. */
	public void publish(Iterable<?> list) {
		list.forEach(events::publishEvent);
	}

	public Instant now() {
		return clock.instant();
	}

	/** Today in Vietnam. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), VIETNAM);
	}
}
