package vn.xaso.insights.internal;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Applies modules' metric events to the daily counters after their transaction commits. Spring
 * Modulith keeps each publication until this completes (at least once); {@link Facts#apply}
 * ignores a repeat, so together each event counts exactly once.
 * <p>
 * Not {@code @ApplicationModuleListener}: that would open a transaction before the unit scope is
 * set, and the apply would need a second connection inside it — under a burst of events every
 * pooled connection ended up held by a listener waiting for another one. Here the one
 * transaction starts inside {@link Tenancy#runAs}.
 */
@Component
class MetricEventListener {

	private final Facts facts;

	MetricEventListener(Facts facts) {
		this.facts = facts;
	}

	@Async
	@TransactionalEventListener
	void on(MetricEvent event) {
		Tenancy.runAs(UnitScope.of(event.unitCode()), () -> facts.apply(event));
	}
}
