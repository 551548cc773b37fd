package vn.xaso.dossiers.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.DossierChanged;
import vn.xaso.dossiers.DossierPaid;
import vn.xaso.dossiers.DossierReceived;
import vn.xaso.dossiers.DossierRefused;
import vn.xaso.dossiers.DossierRescheduled;
import vn.xaso.dossiers.DossierResultReady;
import vn.xaso.dossiers.DossierReturned;
import vn.xaso.dossiers.DossierSubmitted;
import vn.xaso.dossiers.DossierSupplementRequested;

/**
 * Tells the citizen what happened to their dossier (templates {@code notify.dossier.*}). Listens in the
 * transaction of the change — a plain listener, not an after-commit one, so that the notice is queued with the
 * change or not at all — and reads the dossier as the change left it. A notice that cannot be queued never
 * undoes the change.
 */
@Component
class DossierNotices {

	private static final Logger log = LoggerFactory.getLogger(DossierNotices.class);

	/** The notice of each kind of change; the others (assigned, forwarded, approved, supplemented, rated) tell nobody. */
	private static final Map<Class<? extends DossierChanged>, String> TEMPLATES = Map.of(DossierSubmitted.class, "submitted",
			DossierReceived.class, "received", DossierSupplementRequested.class, "request_supplement", DossierRefused.class, "refuse",
			DossierResultReady.class, "release", DossierReturned.class, "return", DossierRescheduled.class, "reschedule",
			DossierPaid.class, "paid");

	private final DossierTable table;
	private final Notifier notifier;
	private final DossierViews views;

	DossierNotices(DossierTable table, Notifier notifier, DossierViews views) {
		this.table = table;
		this.notifier = notifier;
		this.views = views;
	}

	@EventListener
	void on(DossierChanged change) {
		var template = TEMPLATES.get(change.getClass());
		if (template == null || change instanceof DossierReceived r && r.withSubmission()) {
			return; // received at the counter with its submission: the "submitted" notice tells it
		}
		var row = Journal.fresh(change.dossierId()).orElseGet(() -> table.lockAny(change.dossierId()));
		if (row.code() == null) {
			return;
		}
		if (row.citizenId() == null && (row.applicantEmail() == null || row.applicantEmail().isBlank())) {
			return; // nobody to tell: a counter dossier without an account or e-mail address
		}
		try {
			notifier.send(row.unitCode(), row.citizenId(), row.applicantEmail(), row.applicantPhone(), row.applicantName(),
					"notify.dossier." + template,
					Map.of("code", row.code(), "procedure", row.procedureName(), "state", views.stateLabel(row.state()), "due",
							row.dueDate() == null ? "" : Pdfs.DATE.format(row.dueDate())),
					"dossier:" + row.id() + ":" + template + ":" + row.version(), "/citizen/dossiers/" + row.id());
		}
		catch (RuntimeException e) {
			log.warn("Dossier notice {} for {} not queued: {}", template, row.code(), e.toString());
		}
	}
}
