package vn.xaso.school.internal;

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
 * How the school use cases run: an administrator or teacher in their own scope (their commune); a public page in the scope of the one
 * commune it names; a parent, who has no unit scope, system-wide with every statement filtered by their verified phone
 * (as payments reads a citizen's bills) — each in a transaction of its own; with audit, events and the clock.
 */
@Component
class SchoolWork {

	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SchoolWork(PlatformTransactionManager transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** In the caller's own scope (a signed-in administrator or teacher). */
	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	/** In the scope of {@code unitCode} only. */
	<T> T asUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	/** For a parent's own rows: system-wide, so every statement inside must filter by the parent's phone. */
	<T> T asParent(Supplier<T> work) {
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
