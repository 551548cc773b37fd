package vn.xaso.portal.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;
import vn.xaso.portal.PortalException;

/** How the portal's use cases work: a transaction (in the caller's scope, one commune's, or all), audit, events, the clock. */
@Component
class PostWork extends ScopedWork {

	private final PostTable table;

	PostWork(PostTable table, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		super(ScopedTransactions.joining(transactions), events, clock);
		this.table = table;
	}

	/** The official's post {@code id}, locked; unknown or another commune's: refused on field "id". */
	Article lock(OfficialPrincipal me, long id) {
		return new Article(table.lock(me.unitCode(), id).orElseThrow(() -> new PortalException("id", "portal.error.noPost")));
	}

	/** Audits the change and publishes the aggregate's events, in the current transaction. */
	void record(Article article, AuditEvent entry) {
		publish(entry);
		publish(article.events());
	}

	void audit(AuditEvent entry) {
		publish(entry);
	}
}
