package vn.xaso.insights.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Applies modules' metric events to the daily counters after their transaction commits. Spring
 * Modulith keeps each publication until this completes (at least once); {@link Facts#apply}
 * ignores a repeat, so together each event counts exactly once.
 */
@Component
class MetricEventListener {

	private final Facts facts;

	MetricEventListener(Facts facts) {
		this.facts = facts;
	}

	@ApplicationModuleListener
	void on(MetricEvent event) {
		Tenancy.runAs(UnitScope.of(event.unitCode()), () -> facts.apply(event));
	}
}
