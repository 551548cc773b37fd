package vn.xaso.economy.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How the economy use cases run: in the caller's own scope (a signed-in official or producer), or in the scope of the
 * one commune a public page names (a transaction of its own, so that a listener's outer transaction, opened before
 * the scope was known, is not joined), or across communes (the GS1 resolver finding which commune a GTIN belongs
 * to), likewise; with the audit log, events and the clock.
 */
@Component
class EconomyWork extends ScopedWork {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");


	EconomyWork(PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.ownWhenScoped(transactions), events, clock);
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
