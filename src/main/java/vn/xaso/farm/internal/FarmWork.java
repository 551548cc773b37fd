package vn.xaso.farm.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How the farm use cases run: in the caller's own scope (a signed-in farmer or official), or — for what arrives
 * from the broker — in the scope of the one commune the device belongs to, in a transaction of its own; trusted
 * system work across communes (a device's sign-in look-up, the time-out job) likewise; with events (the audit log
 * listens) and the clock.
 */
@Component
class FarmWork extends ScopedWork {

	FarmWork(PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.ownWhenScoped(transactions), events, clock);
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
