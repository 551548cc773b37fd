package vn.xaso.cameras.internal;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How the camera use cases run: in the caller's own scope (row-level security keeps them in the commune), publishing
 * their events — the audit entries too, which the audit module appends in the same transaction. An audit text never
 * holds a camera's addresses.
 */
@Component
class CameraWork extends ScopedWork {

	CameraWork(PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.ownWhenScoped(transactions), events, clock);
	}

	void audited(String unitCode, String actor, String action, String type, long id, @Nullable String after) {
		publish(AuditEvent.of(unitCode, actor, action).on(type, id).change(null, after));
	}
}
