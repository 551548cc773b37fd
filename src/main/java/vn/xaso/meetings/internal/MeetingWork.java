package vn.xaso.meetings.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/** How the meetings use cases run: in the caller's transaction scope, with audit entries and notices as events, and the clock. */
@Component
class MeetingWork extends ScopedWork {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	MeetingWork(PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.joining(transactions), events, clock);
	}

	/** An audit entry, published: audit's listener appends it in this transaction (rolled back with it). */
	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		publish(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
