package vn.xaso.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.notify.Channel;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.notify.NotifyException;

/**
 * Works the outbox: right after the caller's transaction commits (on a virtual thread) for the
 * rows it queued, and in rounds from {@link NotifyJobs} for retries and anything left behind.
 * Each row is claimed in its own short transaction before the outside call and marked after it,
 * so two senders never send the same row, and a crash between the call and the mark leaves a
 * 'sending' row that is taken again when its lease ends (at-least-once, same idempotency key).
 */
@Component
public class Deliverer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
	private static final int BATCH = 100;

	private final Outbox outbox;
	private final PushSubscriptions subscriptions;
	private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
	private final TransactionTemplate tx;
	private final Clock clock;
	private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notify-", 0).factory());

	Deliverer(Outbox outbox, PushSubscriptions subscriptions, List<ChannelAdapter> adapters, PlatformTransactionManager transactions,
			Clock clock) {
		this.outbox = outbox;
		this.subscriptions = subscriptions;
		adapters.forEach(a -> this.adapters.put(a.channel(), a));
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	public Optional<ChannelAdapter> adapter(Channel channel) {
		return Optional.ofNullable(adapters.get(channel));
	}

	public boolean enabled(Channel channel) {
		return adapter(channel).map(ChannelAdapter::enabled).orElse(false);
	}

	/** Sends the given rows once the current transaction has committed (at once when there is none). */
	public void deliverAfterCommit(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					submit(ids);
				}
			});
		}
		else {
			submit(ids);
		}
	}

	private void submit(List<Long> ids) {
		try {
			executor.execute(() -> {
				try {
					deliver(ids, clock.instant());
				}
				catch (RuntimeException e) {
					log.error("Delivering notices failed; the retry job takes them up", e);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException e) {
			log.warn("Shutting down: {} notices left for the retry job", ids.size());
		}
	}

	/** Sends the given rows now if they are due. Returns how many were worked on. */
	public int deliver(List<Long> ids, Instant now) {
		int done = 0;
		for (int i = 0; i < ids.size(); i += BATCH) {
			var slice = ids.subList(i, Math.min(ids.size(), i + BATCH));
			done += work(claim(slice, now), now);
		}
		return done;
	}

	/** One round of the retry job: every due row of every commune (system work). Returns how many were worked on. */
	public int runRound(Instant now) {
		int total = 0;
		while (true) {
			var claimed = claim(null, now);
			total += work(claimed, now);
			if (claimed.size() < BATCH) {
				return total;
			}
		}
	}

	private List<ChannelAdapter.Delivery> claim(@Nullable List<Long> ids, Instant now) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> outbox.claim(ids, now, BATCH)));
	}

	private int work(List<ChannelAdapter.Delivery> claimed, Instant now) {
		for (var d : claimed) {
			var adapter = adapters.get(d.channel());
			if (adapter == null || !adapter.enabled()) {
				mark(() -> outbox.skipped(d.id(), NotifyException.vietnamese("notify.text.skip.channelNotSet", String.valueOf(d.channel())), now));
				continue;
			}
			try {
				adapter.send(d);
				mark(() -> outbox.sent(d.id(), now));
				if (d.channel() == Channel.WEB_PUSH) {
					mark(() -> subscriptions.touched(Long.parseLong(d.address())));
				}
			}
			catch (ChannelAdapter.DeliveryFailure f) {
				var reason = Masks.text(f.getMessage());
				var status = Tenancy.callAs(UnitScope.systemWide(),
						() -> tx.execute(s -> outbox.failed(d.id(), d.attempt(), reason, f.retry(), now)));
				if (f.gone()) {
					mark(() -> subscriptions.delete(Long.parseLong(d.address())));
				}
				log.info("Notice delivery {} on {} not sent (attempt {}, now {}): {}", d.id(), d.channel(), d.attempt(), status, reason);
			}
			catch (RuntimeException e) {
				var reason = Masks.text(Outbox.reason(e));
				Tenancy.runAs(UnitScope.systemWide(), () -> tx.executeWithoutResult(s -> outbox.failed(d.id(), d.attempt(), reason, true, now)));
				log.warn("Notice delivery {} on {} failed unexpectedly: {}", d.id(), d.channel(), reason);
			}
		}
		return claimed.size();
	}

	private void mark(Runnable work) {
		Tenancy.runAs(UnitScope.systemWide(), () -> tx.executeWithoutResult(s -> work.run()));
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}
}
