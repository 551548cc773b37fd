package vn.xaso.farm.internal;

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
 * How the farm use cases run: in the caller's own scope (a signed-in farmer or official), or — for what arrives
 * from the broker — in the scope of the one commune the device belongs to, in a transaction of its own; with the
 * audit log, events and the clock.
 */
@Component
class FarmWork {

	private final TransactionTemplate tx;
	private final TransactionTemplate own;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	FarmWork(PlatformTransactionManager transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.tx = new TransactionTemplate(transactions);
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	/** In the scope of {@code unitCode} only, in a transaction of its own. */
	<T> T asUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> own.execute(s -> work.get()));
	}

	/** Trusted system work across communes (a device's sign-in look-up, the time-out job), in a transaction of its own. */
	<T> T systemWide(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> own.execute(s -> work.get()));
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		audit.record(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

	Instant now() {
		return clock.instant();
	}
}
