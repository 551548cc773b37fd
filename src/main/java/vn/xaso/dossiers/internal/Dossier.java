package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.xaso.dossiers.Action;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierApproved;
import vn.xaso.dossiers.DossierAssigned;
import vn.xaso.dossiers.DossierChanged;
import vn.xaso.dossiers.DossierForwarded;
import vn.xaso.dossiers.DossierPaid;
import vn.xaso.dossiers.DossierRated;
import vn.xaso.dossiers.DossierReceived;
import vn.xaso.dossiers.DossierRefused;
import vn.xaso.dossiers.DossierRescheduled;
import vn.xaso.dossiers.DossierResultReady;
import vn.xaso.dossiers.DossierReturned;
import vn.xaso.dossiers.DossierSubmitted;
import vn.xaso.dossiers.DossierSupplementRequested;
import vn.xaso.dossiers.DossierSupplemented;
import vn.xaso.identity.Role;

/**
 * One dossier as the aggregate of its workflow. The workflow declared for its procedure ({@link Workflow}, from
 * {@code dossiers/workflows/*.json}) decides which step may be taken from which state and by whom; each method
 * here guards one change against it, and registers the past-tense event that the use case publishes once the
 * change is stored ({@link Journal#publish}). The SQL is the use case's ({@link DossierTable}); this class decides
 * only whether the change may happen and what it says.
 */
final class Dossier {

	static final String DRAFT = "draft";
	static final String RETURNED = "returned";
	static final String RESULT_READY = "result_ready";

	private final DossierTable.Row row;
	private final Workflow workflow;
	private final List<DossierChanged> events = new ArrayList<>();

	private Dossier(DossierTable.Row row, Workflow workflow) {
		this.row = row;
		this.workflow = workflow;
	}

	static Dossier of(DossierTable.Row row, Workflows workflows) {
		return new Dossier(row, workflows.get(row.workflow()));
	}

	DossierTable.Row row() {
		return row;
	}

	Workflow workflow() {
		return workflow;
	}

	long id() {
		return row.id();
	}

	String state() {
		return row.state();
	}

	List<DossierChanged> events() {
		return events;
	}

	// ---------------------------------------------------------------- drafts and files

	void requireDraft() {
		if (!state().equals(DRAFT)) {
			throw Texts.refused("", "dossiers.error.submittedAlready");
		}
	}

	/** A citizen adds files while drafting or when asked for a supplement; an official while the dossier is open. */
	void requireOpenForFiles(Caller caller) {
		if (caller.isCitizen()) {
			if (!state().equals(DRAFT) && !state().equals(Workflow.SUPPLEMENT)) {
				throw Texts.refused("file", "dossiers.error.filesAfterSubmission");
			}
		}
		else if (workflow.state(state()).isFinal()) {
			throw Texts.refused("file", "dossiers.error.filesWhenFinished");
		}
	}

	void requireReusable() {
		if (!state().equals(DRAFT) && !state().equals(Workflow.SUPPLEMENT)) {
			throw Texts.refused("file", "dossiers.error.reuseNotNow");
		}
	}

	/** Numbered: from draft to "submitted". */
	void submit(String code, Instant at) {
		requireDraft();
		events.add(new DossierSubmitted(row.unitCode(), id(), code, at, row.channel()));
	}

	// ---------------------------------------------------------------- an official's steps

	/** The declared steps {@code official} may take now ({@code reschedulable}: the appointment is due soon or late). */
	List<Action> available(Caller official, boolean reschedulable) {
		return workflow.actions().stream().filter(a -> a.from().contains(state())).filter(a -> a.roles().stream().anyMatch(official::has))
			.filter(a -> !a.name().equals("propose") || mayPropose(official))
			.filter(a -> !a.name().equals("reschedule") || reschedulable)
			.toList();
	}

	/**
	 * Guards an official's step before anything is stored: declared in the workflow, allowed from the current
	 * state, for one of the official's roles, with the note and files it needs, and — to propose — by the assignee.
	 */
	Action begin(String actionName, Caller official, String note, int files) {
		var action = workflow.action(actionName).orElseThrow(() -> Texts.refused("action", "dossiers.error.actionUnknown"));
		if (!action.from().contains(state())) {
			throw Texts.refused("action", "dossiers.error.actionNotNow", action.label(), workflow.state(state()).label());
		}
		if (action.roles().stream().noneMatch(official::has)) {
			throw Texts.refused("action", "dossiers.error.actionRole", action.label());
		}
		if (action.needsNote() && note.isEmpty()) {
			throw Texts.refused("note", "dossiers.error.actionNote", action.label());
		}
		if (action.needsFiles() && files == 0) {
			throw Texts.refused("files", "dossiers.error.actionFiles", action.label());
		}
		if (action.name().equals("propose") && !mayPropose(official)) {
			throw Texts.refused("action", "dossiers.error.proposeAssignee",
					row.assigneeName() == null ? Texts.vi("dossiers.text.someoneElse") : row.assigneeName());
		}
		return action;
	}

	private boolean mayPropose(Caller official) {
		return official.username().equals(row.assignee()) || row.workflow().equals("same-day") && official.has(Role.ONE_STOP);
	}

	/** The state a declared step leads to (a step without a target keeps the state). */
	String target(Action action) {
		return action.to().isEmpty() ? state() : action.to();
	}

	private Action step(String name) {
		var action = workflow.action(name).orElseThrow(() -> Texts.refused("action", "dossiers.error.actionUnknown"));
		if (!action.from().contains(state())) {
			throw Texts.refused("action", "dossiers.error.actionNotNow", action.label(), workflow.state(state()).label());
		}
		return action;
	}

	/** The "receive" step the workflow declares from the current state (a guard only: nothing registered). */
	Action receiving() {
		return step("receive");
	}

	/** Received: the clock starts with its appointment date. Returns the step (its target state). */
	Action receive(LocalDate due, Instant at, boolean withSubmission) {
		var action = step("receive");
		events.add(new DossierReceived(row.unitCode(), id(), code(), at, due, withSubmission));
		return action;
	}

	void assign(String assigneeName, Instant at) {
		step("assign");
		events.add(new DossierAssigned(row.unitCode(), id(), code(), at, assigneeName));
	}

	/** Proposed for approval or sent back: the file goes between specialist and leader. */
	void forward(String actionName, Instant at) {
		var action = step(actionName);
		events.add(new DossierForwarded(row.unitCode(), id(), code(), at, actionName, state(), target(action)));
	}

	void requestSupplement(Instant at) {
		step("request_supplement");
		events.add(new DossierSupplementRequested(row.unitCode(), id(), code(), at));
	}

	void refuse(Instant at) {
		step("refuse");
		events.add(new DossierRefused(row.unitCode(), id(), code(), at));
	}

	void approve(String signedBy, Instant at) {
		step("approve");
		events.add(new DossierApproved(row.unitCode(), id(), code(), at, signedBy));
	}

	void release(Instant at) {
		step("release");
		events.add(new DossierResultReady(row.unitCode(), id(), code(), at));
	}

	void returnResult(String method, Instant at) {
		step("return");
		events.add(new DossierReturned(row.unitCode(), id(), code(), at, method));
	}

	void reschedule(LocalDate newDue, Instant at) {
		step("reschedule");
		events.add(new DossierRescheduled(row.unitCode(), id(), code(), at, newDue));
	}

	// ---------------------------------------------------------------- the citizen's steps and the fee

	/** The citizen sends the supplement: back to {@code backTo}, the step the dossier was in when it was asked for. */
	void supplement(String backTo, Instant at) {
		if (!state().equals(Workflow.SUPPLEMENT)) {
			throw Texts.refused("", "dossiers.error.notWaitingForSupplement");
		}
		events.add(new DossierSupplemented(row.unitCode(), id(), code(), at, backTo));
	}

	void requireRatable() {
		if (!state().equals(RETURNED)) {
			throw Texts.refused("stars", "dossiers.error.rateBeforeReturn");
		}
	}

	void rated(int stars, Instant at) {
		events.add(new DossierRated(row.unitCode(), id(), code(), at, stars));
	}

	/** False if the fee was recorded already (a payment notice delivered twice). */
	boolean pay(long amountVnd, boolean online, Instant at) {
		if (row.paidAt() != null) {
			return false;
		}
		events.add(new DossierPaid(row.unitCode(), id(), code(), at, amountVnd, online));
		return true;
	}

	private String code() {
		return row.code() == null ? "" : row.code();
	}
}
