package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.Receipt;

/**
 * Numbers a checked dossier and starts it: {@code <agency>-YYMMDD-NNNN} from the commune's daily sequence (row
 * lock; a rollback gives the number back; from the 10,000th dossier of a day the number has five digits), then
 * "submitted" on the timeline; at the counter it is received at once; the bill is opened when the dossier is
 * received, or at once in a procedure fully online.
 * <p>
 * Every submission of a commune waits for two rows of that commune: its daily number and the head of its audit
 * chain. So everything is decided first — state, appointment date, timeline steps, fee, the indicator facts (their
 * event is queued before) — and the busy rows come last: one statement numbers the dossier and stores it in its final
 * state with its files, steps and reported facts ({@link NumberTable}), then the audit entries are appended in two
 * statements ({@link Journal#audit(List)}) and the transaction commits. Only a fee-bearing dossier has more to do
 * while holding them (the bill carries the dossier's code).
 */
@Component
class NumberingDossier {

	private static final Logger log = LoggerFactory.getLogger(NumberingDossier.class);

	private final DossierWork work;
	private final NumberTable numbers;
	private final Workflows workflows;
	private final Sla sla;
	private final PayingFees fees;
	private final Journal journal;

	NumberingDossier(DossierWork work, NumberTable numbers, Workflows workflows, Sla sla, PayingFees fees, Journal journal) {
		this.work = work;
		this.numbers = numbers;
		this.workflows = workflows;
		this.sla = sla;
		this.fees = fees;
		this.journal = journal;
	}

	/** The default agency code of a commune: "X" and its 5-digit GSO code, e.g. X14701. */
	static String defaultAgencyCode(String unitCode) {
		return "X" + unitCode;
	}

	String agencyCode(String unitCode) {
		return numbers.agencyCode(unitCode).orElse(defaultAgencyCode(unitCode));
	}

	/** A checked dossier to number: new ({@code draftId} null, with its files) or a citizen's draft. */
	record Checked(@Nullable Long draftId, String unitCode, ProcedureInfo procedure, Channel channel, Caller caller,
			@Nullable Long citizenId, @Nullable Long submittedByCitizen, Applicant applicant, @Nullable String assistedBy,
			@Nullable Consent consent, Map<String, String> form, List<NumberTable.NewFile> files) {
	}

	Receipt number(Checked c) {
		var now = work.now();
		var day = LocalDate.ofInstant(now, Sla.VIETNAM);
		var p = c.procedure();
		var caller = c.caller();
		boolean counter = c.channel() == Channel.COUNTER;
		var actorName = DossierWork.limit(caller.fullName(), 200);
		var note = c.channel() == Channel.ASSISTED ? Texts.vi("dossiers.text.assistedBy", caller.fullName()) : "";
		var steps = new ArrayList<NumberTable.Step>(2);
		steps.add(new NumberTable.Step("submit", null, Workflow.SUBMITTED, DossierWork.limit(note, 2000)));
		// At the counter it is received with the submission: the appointment date and the state it leads to.
		var state = Workflow.SUBMITTED;
		LocalDate due = null;
		String assignee = null;
		String assigneeName = null;
		if (counter) {
			var receive = Dossier.of(row(0, null, Workflow.SUBMITTED, 0, c, now, null, null, null, 0), workflows).receiving();
			due = sla.due(now, p.slaKind(), p.slaAmount(), p.cutoff());
			state = receive.to();
			if (state.equals("processing")) {
				assignee = caller.username();
				assigneeName = caller.fullName();
			}
			steps.add(new NumberTable.Step(receive.name(), Workflow.SUBMITTED, state,
					Texts.vi("dossiers.text.dueOn", Pdfs.DATE.format(due))));
		}
		boolean billed = counter || "FULL".equals(p.onlineMode());
		long fee = billed ? p.fee().applyAsLong(c.form()) : 0;
		boolean digitised = counter && !c.files().isEmpty();
		var facts = journal.reportSubmitted(c.unitCode(), day, c.channel(), digitised);
		long version = counter ? 2 : 1; // numbered, and received
		var submission = new NumberTable.Submission(c.unitCode(), DossierTable.Frozen.of(p), c.channel(), c.citizenId(),
				c.submittedByCitizen(), c.applicant(), c.assistedBy(), c.consent(), DossierTable.json(c.form()), state, version, now,
				counter ? now : null, due, assignee, assigneeName, digitised, Math.max(fee, 0), caller.username(), actorName, steps, facts,
				c.files());

		// ---- the commune's busy rows, last: the daily number with the dossier, then the audit chain; then the commit
		var numbered = (c.draftId() == null ? numbers.insert(submission) : numbers.submitDraft(c.draftId(), submission))
			.orElseThrow(() -> Texts.refused("", "dossiers.error.dailyNumbersUsed", String.valueOf(NumberTable.LAST_DAILY_NUMBER)));
		long id = numbered.id();
		var code = numbered.code();
		var submitted = Dossier.of(row(id, null, Dossier.DRAFT, 0, c, now, null, null, null, 0), workflows);
		submitted.submit(code, now);
		var audit = new ArrayList<vn.xaso.audit.AuditEvent>(2);
		audit.add(Journal.entry(c.unitCode(), caller, "dossier.submitted", id, null, code + " " + p.code() + " " + c.channel()));
		Dossier received = null;
		if (counter) {
			received = Dossier.of(row(id, code, Workflow.SUBMITTED, version - 1, c, now, null, null, null, 0), workflows);
			received.receive(due, now, true);
			audit.add(Journal.entry(c.unitCode(), caller, "dossier.received", id, Workflow.SUBMITTED, Texts.vi("dossiers.text.audit.due", state, due.toString())));
		}
		journal.audit(audit);
		Long billId = billed ? fees.openBill(c.unitCode(), id, code, p, fee, c.applicant().name(), c.citizenId()) : null;
		var stored = row(id, code, state, version, c, now, due, assignee, billId, billId == null ? 0 : fee);
		journal.publish(submitted, stored);
		if (received != null) {
			journal.publish(received, stored);
		}
		log.info("Dossier {} submitted in {} via {}", code, c.unitCode(), c.channel());
		return new Receipt(id, code, state, now, due, billId, billId == null ? 0 : fee);
	}

	/** The dossier's row as the submission stores it (the columns a use case and the notices read). */
	private static DossierTable.Row row(long id, @Nullable String code, String state, long version, Checked c, Instant at,
			@Nullable LocalDate due, @Nullable String assignee, @Nullable Long billId, long fee) {
		var p = c.procedure();
		var a = c.applicant();
		var phone = vn.xaso.platform.PersonalData.normalisePhone(a.phone());
		boolean numbered = code != null;
		boolean received = numbered && !state.equals(Workflow.SUBMITTED);
		return new DossierTable.Row(id, c.unitCode(), code, p.code(), p.versionId(), p.name(), p.workflow(), p.resultTemplate(),
				c.channel(), c.citizenId(), c.submittedByCitizen(), a.name(), phone == null ? "" : phone, a.email(), state, version,
				numbered ? at : null, received ? at : null, due, null, null, assignee, assignee == null ? null : c.caller().fullName(), null,
				fee, billId, null);
	}
}
