package vn.xaso.calendar.web;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.calendar.CalendarAdjustment;
import vn.xaso.calendar.CalendarException;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.platform.tenancy.Tenancy;

/**
 * Records an announced swap and its audit entry in one transaction. The entry joins the chain of
 * the administrator's own unit: the rule is national, the act is theirs.
 */
@Component
class AdjustmentRecorder {

	private final WorkingCalendar working;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	AdjustmentRecorder(WorkingCalendar working, ApplicationEventPublisher events, TransactionTemplate tx) {
		this.working = working;
		this.events = events;
		this.tx = tx;
	}

	/** Withdraws the date's adjustment with its audit entry; false if the date had none. */
	boolean withdraw(java.time.LocalDate date) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		var actor = auth == null ? "system" : auth.getName();
		var unit = Tenancy.homeUnit().orElse(AuditLog.SYSTEM_UNIT);
		try {
			return Boolean.TRUE.equals(tx.execute(status -> {
				if (!working.withdrawAdjustment(date, actor)) {
					return false;
				}
				events.publishEvent(AuditEvent.of(unit, actor, "calendar.adjustment.withdrawn").on("calendar_adjustment", date));
				return true;
			}));
		}
		finally {
			working.refresh();
		}
	}

	void add(CalendarAdjustment adjustment) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		var actor = auth == null ? "system" : auth.getName();
		var unit = Tenancy.homeUnit().orElse(AuditLog.SYSTEM_UNIT);
		try {
			tx.executeWithoutResult(status -> {
				working.addAdjustment(adjustment, actor);
				events.publishEvent(AuditEvent.of(unit, actor, "calendar.adjustment.added")
					.on("calendar_adjustment", adjustment.date())
					.change(null, adjustment.kind().code() + " " + adjustment.note()));
			});
		}
		catch (DuplicateKeyException e) {
			throw CalendarException.of("calendar.error.alreadyAdjusted", adjustment.date());
		}
		finally {
			working.refresh();
		}
	}
}
