package vn.xaso.meetings.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/** How the meetings use cases run: in the caller's transaction scope, with the audit log, events and the clock. */
@Component
class MeetingWork extends ScopedWork {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final AuditLog audit;

	MeetingWork(PlatformTransactionManager transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.joining(transactions), events, clock);
		this.audit = audit;
	}

	void audit(String unitCode, String actor, String action, String entity, Object id, String change) {
		audit.record(AuditEvent.of(unitCode, actor, action).on(entity, id).change(null, change));
	}
}
