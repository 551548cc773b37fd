package vn.xaso.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * How the health use cases run: a doctor in their own scope (their commune); a public page in the scope of the one
 * commune it names; a citizen, who has no unit scope, system-wide with every statement filtered by their citizen id
 * (as payments reads a citizen's bills) — each in a transaction of its own; with audit, events and the clock.
 */
@Component
class HealthWork {

	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	HealthWork(PlatformTransactionManager transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** In the caller's own scope (a signed-in doctor). */
	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	/** In the scope of {@code unitCode} only. */
	<T> T asUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	/** For a citizen's own rows: system-wide, so every statement inside must filter by the citizen's id. */
	<T> T asCitizen(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> work.get()));
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		audit.record(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}

	void publish(Iterable<Object> list) {
		list.forEach(events::publishEvent);
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

	Instant now() {
		return clock.instant();
	}
}
