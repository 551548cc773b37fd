package vn.xaso.feedback.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * How every use case works on a report: in one transaction scoped to the commune, the report
 * locked, the aggregate's step applied, its audit entry, timeline entries and events stored and
 * published together. Also the module's clock: today in Vietnam and working-day due dates.
 */
@Component
class ReportWork {

	private final ReportTable table;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final WorkingCalendar calendar;
	private final Clock clock;

	ReportWork(ReportTable table, TransactionTemplate tx, AuditLog audit, ApplicationEventPublisher events, WorkingCalendar calendar,
			Clock clock) {
		this.table = table;
		this.tx = tx;
		this.audit = audit;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Runs work in one transaction scoped to one commune. */
	<T> T inUnit(String unitCode, Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> work.get()));
	}

	<T> T inTransaction(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	/** Locks the official's report {@code id}, applies {@code step} (which returns its audit entry), records it; the report after. */
	FeedbackReport change(FeedbackActor actor, long id, Function<Report, AuditEvent> step) {
		return inUnit(actor.unitCode(), () -> {
			var report = Report.of(table.lock(actor.unitCode(), id).orElseThrow(() -> new Feedback.NotFound(id)), actor.username());
			audit.record(step.apply(report));
			record(report);
			return table.get(id);
		});
	}

	/** Stores the aggregate's timeline entries, then publishes its events (listeners run in this transaction). */
	void record(Report report) {
		var now = now();
		report.entries().forEach(e -> table.insertEntry(report.state().unitCode(), e, now));
		report.events().forEach(events::publishEvent);
	}

	void audit(AuditEvent event) {
		audit.record(event);
	}

	Instant now() {
		return clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Feedback.VIETNAM));
	}

	LocalDate dueDate(LocalDate received, int slaDays) {
		return calendar.addWorkingDays(received, slaDays);
	}
}
