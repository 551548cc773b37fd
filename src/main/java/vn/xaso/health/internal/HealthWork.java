package vn.xaso.health.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How the health use cases run: a doctor in their own scope (their commune); a public page in the scope of the one
 * commune it names; a citizen, who has no unit scope, system-wide with every statement filtered by their citizen id
 * (as payments reads a citizen's bills) — each in a transaction of its own; with audit, events and the clock.
 */
@Component
class HealthWork extends ScopedWork {

	HealthWork(PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.own(transactions), events, clock);
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
