package vn.xaso.dossiers.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditEvents;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierChanged;

/**
 * What every change writes in its transaction: the step on the dossier's timeline (then the indicator facts it
 * makes true), the audit entry, and the aggregate's past-tense events for the listeners ({@link DossierNotices}).
 */
@Component
class Journal {

	private final TimelineTable timeline;
	private final DossierMetrics metrics;
	private final ApplicationEventPublisher events;

	Journal(TimelineTable timeline, DossierMetrics metrics, ApplicationEventPublisher events) {
		this.timeline = timeline;
		this.metrics = metrics;
		this.events = events;
	}

	void step(String unitCode, long dossierId, Caller actor, String action, @Nullable String from, @Nullable String to, String note,
			List<Long> files) {
		timeline.insert(unitCode, dossierId, actor.username(), DossierWork.limit(actor.fullName(), 200), action, from, to,
				DossierWork.limit(note, 2000), files);
		metrics.report(dossierId);
	}

	void audit(String unitCode, Caller actor, String action, long id, @Nullable String before, @Nullable String after) {
		events.publishEvent(AuditEvent.of(unitCode, actor.username(), action).on("dossier", id).change(before, after));
	}

	/** Several entries of one unit's audit chain at once (two statements), right before the commit. */
	void audit(List<AuditEvent> entries) {
		events.publishEvent(new AuditEvents(entries));
	}

	static AuditEvent entry(String unitCode, Caller actor, String action, long id, @Nullable String before, @Nullable String after) {
		return AuditEvent.of(unitCode, actor.username(), action).on("dossier", id).change(before, after);
	}

	/** The facts of a new submission, reported now; returns them to be marked reported with the dossier ({@link NumberTable}). */
	List<String> reportSubmitted(String unitCode, java.time.LocalDate day, vn.xaso.dossiers.Channel channel, boolean digitised) {
		return metrics.reportSubmitted(unitCode, day, channel, digitised);
	}

	private static final ThreadLocal<DossierTable.@Nullable Row> FRESH = new ThreadLocal<>();

	/**
	 * The aggregate's events, with the dossier's row as just stored: the listeners in this transaction
	 * ({@link DossierNotices}) take it from {@link #fresh} instead of reading it again.
	 */
	void publish(Dossier dossier, DossierTable.Row stored) {
		FRESH.set(stored);
		try {
			publish(dossier);
		}
		finally {
			FRESH.remove();
		}
	}

	/** The row of the dossier whose events are being published, when the publisher gave it. */
	static java.util.Optional<DossierTable.Row> fresh(long dossierId) {
		var row = FRESH.get();
		return row != null && row.id() == dossierId ? java.util.Optional.of(row) : java.util.Optional.empty();
	}

	/** The aggregate's events, once its changes are stored. */
	void publish(Dossier dossier) {
		dossier.events().forEach(events::publishEvent);
		dossier.events().clear();
	}

	void publish(DossierChanged change) {
		events.publishEvent(change);
	}
}
