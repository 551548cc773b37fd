package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/**
 * "reschedule": a dossier due soon or late gets a later working day as its appointment, with an apology slip made
 * and stored first (same transaction).
 */
@Component
class ReschedulingDossier implements OfficialStep {

	private final Sla sla;
	private final Commune commune;
	private final ApologyTable apologies;
	private final DossierTable table;

	ReschedulingDossier(Sla sla, Commune commune, ApologyTable apologies, DossierTable table) {
		this.sla = sla;
		this.commune = commune;
		this.apologies = apologies;
		this.table = table;
	}

	@Override
	public Set<String> actions() {
		return Set.of("reschedule");
	}

	@Override
	public String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now) {
		var row = dossier.row();
		var newDue = request.newDueDate();
		var due = check(row, newDue);
		dossier.reschedule(newDue, now);
		var today = sla.today();
		var pdf = Pdfs.apology(new Pdfs.ApologyData(commune.issuer(row.unitCode()), row.code(), row.applicantName(), row.procedureName(),
				row.receivedAt() == null ? now : row.receivedAt(), due, newDue, note, commune.leaderName(row.unitCode()), today));
		apologies.insert(row.unitCode(), row.id(), due, newDue, note, pdf, official.username());
		table.due(row.id(), newDue);
		return Texts.vi("dossiers.text.rescheduled", Pdfs.DATE.format(newDue), note);
	}

	/** The old due date, once the new one is a later working day within a year, and not before today. */
	private LocalDate check(DossierTable.Row row, @Nullable LocalDate newDue) {
		var today = sla.today();
		var due = row.dueDate();
		if (due == null) {
			throw Texts.refused("newDueDate", "dossiers.error.rescheduleNoDue");
		}
		if (!sla.dueSoonOrLate(due)) {
			throw Texts.refused("newDueDate", "dossiers.error.rescheduleNotYet", Pdfs.DATE.format(due));
		}
		if (newDue == null) {
			throw Texts.refused("newDueDate", "dossiers.error.rescheduleMissing");
		}
		if (!newDue.isAfter(due) || newDue.isBefore(today)) {
			throw Texts.refused("newDueDate", "dossiers.error.rescheduleOrder", Pdfs.DATE.format(due));
		}
		if (!sla.isWorkingDay(newDue)) {
			throw Texts.refused("newDueDate", "dossiers.error.rescheduleHoliday", Pdfs.DATE.format(newDue));
		}
		if (newDue.isAfter(today.plusYears(1))) {
			throw Texts.refused("newDueDate", "dossiers.error.rescheduleFar");
		}
		return due;
	}
}
