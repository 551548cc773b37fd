package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/**
 * "receive": the one-stop desk accepts the dossier and the clock starts — the appointment date from the
 * procedure's processing time, the bill for its fee. At the counter this happens with the submission.
 */
@Component
class ReceivingDossier implements OfficialStep {

	private final Sla sla;
	private final DossierTable table;
	private final DossierProcedures procedures;
	private final PayingFees fees;
	private final Journal journal;

	ReceivingDossier(Sla sla, DossierTable table, DossierProcedures procedures, PayingFees fees, Journal journal) {
		this.sla = sla;
		this.table = table;
		this.procedures = procedures;
		this.fees = fees;
		this.journal = journal;
	}

	@Override
	public Set<String> actions() {
		return Set.of("receive");
	}

	/** Received by an official's action: records itself (timeline, audit, state) and opens the bill. */
	@Override
	public @org.jspecify.annotations.Nullable String take(Dossier dossier, String action, Caller official, ActionRequest request,
			String note, Instant now) {
		var row = dossier.row();
		var procedure = procedures.of(row);
		receive(dossier, procedure, official, now, false);
		fees.openBill(table.lockAny(row.id()), procedure, row.applicantName(), row.citizenId());
		return null;
	}

	/** Starts the clock: received_at, due date from the procedure's processing time. Returns the due date. */
	LocalDate receive(Dossier dossier, ProcedureInfo procedure, Caller caller, Instant now, boolean withSubmission) {
		var row = dossier.row();
		var due = sla.due(now, procedure.slaKind(), procedure.slaAmount(), procedure.cutoff());
		var action = dossier.receive(due, now, withSubmission);
		table.received(row.id(), action.to(), now, due);
		if (action.to().equals("processing")) {
			table.assign(row.id(), caller.username(), caller.fullName());
		}
		journal.step(row.unitCode(), row.id(), caller, action.name(), row.state(), action.to(),
				Texts.vi("dossiers.text.dueOn", Pdfs.DATE.format(due)), List.of());
		journal.audit(row.unitCode(), caller, "dossier.received", row.id(), row.state(), Texts.vi("dossiers.text.audit.due", action.to(), due.toString()));
		return due;
	}
}
