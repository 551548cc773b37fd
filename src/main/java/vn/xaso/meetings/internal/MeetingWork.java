package vn.xaso.meetings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;

/** How the meetings use cases run: in the caller's transaction scope, with the audit log, events and the clock. */
@Component
class MeetingWork {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MeetingWork(PlatformTransactionManager transactions, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.tx = new TransactionTemplate(transactions);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	<T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	void run(Runnable work) {
		tx.executeWithoutResult(s -> work.run());
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

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), VIETNAM);
	}
}
