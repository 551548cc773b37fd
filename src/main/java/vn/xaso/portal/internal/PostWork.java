package vn.xaso.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.PortalException;

/** How the portal's use cases work: a transaction (in the caller's scope, one commune's, or all), audit, events, the clock. */
@Component
class PostWork {

	private final PostTable table;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PostWork(PostTable table, PlatformTransactionManager transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.table = table;
		this.tx = new TransactionTemplate(transactions);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** In the caller's own scope (an official acts in their commune). */
	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	/** In the scope of the one commune asked for (public reads). */
	<T> T asUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	<T> T systemWide(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> work.get()));
	}

	/** The official's post {@code id}, locked; unknown or another commune's: refused on field "id". */
	Article lock(OfficialPrincipal me, long id) {
		return new Article(table.lock(me.unitCode(), id).orElseThrow(() -> new PortalException("id", "portal.error.noPost")));
	}

	/** Audits the change and publishes the aggregate's events, in the current transaction. */
	void record(Article article, AuditEvent entry) {
		audit.record(entry);
		article.events().forEach(events::publishEvent);
	}

	void audit(AuditEvent entry) {
		audit.record(entry);
	}

	void publish(Object event) {
		events.publishEvent(event);
	}

	Instant now() {
		return clock.instant();
	}
}
