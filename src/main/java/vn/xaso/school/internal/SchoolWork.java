package vn.xaso.school.internal;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How the school use cases run: an administrator or teacher in their own scope (their commune); a public page in the scope of the one
 * commune it names; a parent, who has no unit scope, system-wide with every statement filtered by their verified phone
 * (as payments reads a citizen's bills) — each in a transaction of its own; with audit, events and the clock.
 */
@Component
class SchoolWork extends ScopedWork {

	SchoolWork(PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.own(transactions), events, clock);
	}

	/** For a parent's own rows: system-wide, so every statement inside must filter by the parent's phone. */
	<T> T asParent(Supplier<T> work) {
		return asCitizen(work);
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
