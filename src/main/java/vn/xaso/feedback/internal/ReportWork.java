package vn.xaso.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import vn.xaso.audit.AuditEvent;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.platform.tenancy.ScopedTransactions;
import vn.xaso.platform.tenancy.ScopedWork;

/**
 * How every use case works on a report: in one transaction scoped to the commune, the report
 * locked, the aggregate's step applied, its audit entry, timeline entries and events stored and
 * published together. Also the module's clock: today in Vietnam and working-day due dates.
 */
@Component
class ReportWork extends ScopedWork {

	private final ReportTable table;
	private final WorkingCalendar calendar;

	ReportWork(ReportTable table, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			WorkingCalendar calendar, Clock clock) {
		super(ScopedTransactions.joining(transactions), events, clock);
		this.table = table;
		this.calendar = calendar;
	}

	/** Locks the official's report {@code id}, applies {@code step} (which returns its audit entry), records it; the report after. */
	FeedbackReport change(FeedbackActor actor, long id, Function<Report, AuditEvent> step) {
		return asUnit(actor.unitCode(), () -> {
			var report = Report.of(table.lock(actor.unitCode(), id).orElseThrow(() -> new Feedback.NotFound(id)), actor.username());
			publish(step.apply(report));
			record(report);
			return table.get(id);
		});
	}

	/** Stores the aggregate's timeline entries, then publishes its events (listeners run in this transaction). */
	void record(Report report) {
		var now = now();
		report.entries().forEach(e -> table.insertEntry(report.state().unitCode(), e, now));
		publish(report.events());
	}

	void audit(AuditEvent event) {
		publish(event);
	}

	LocalDate dueDate(LocalDate received, int slaDays) {
		return calendar.addWorkingDays(received, slaDays);
	}
}
