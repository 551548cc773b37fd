package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Action;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierSummary;
import vn.xaso.dossiers.Timeliness;
import vn.xaso.dossiers.Tracking;

/**
 * Dossiers as callers see them: the full view with its labels, timeliness, timeline and files; list lines; the
 * Vietnamese labels of states and steps; the message when someone else acted first.
 */
@Component
class DossierViews {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern(Texts.vi("dossiers.text.atPattern"));

	private final DossierTable table;
	private final DossierListings listings;
	private final TimelineTable timeline;
	private final AttachmentTable attachments;
	private final Workflows workflows;
	private final Sla sla;

	DossierViews(DossierTable table, DossierListings listings, TimelineTable timeline, AttachmentTable attachments, Workflows workflows,
			Sla sla) {
		this.table = table;
		this.listings = listings;
		this.timeline = timeline;
		this.attachments = attachments;
		this.workflows = workflows;
		this.sla = sla;
	}

	Optional<vn.xaso.dossiers.Dossier> load(long id) {
		return listings.view(id).map(d -> {
			var r = table.get(d.id());
			var w = workflows.get(r.workflow());
			var evs = timeline.list(d.id(), a -> w.action(a).map(Action::label).orElse(actionLabel(a)));
			return new vn.xaso.dossiers.Dossier(d.id(), d.unitCode(), d.code(), d.procedureCode(), d.procedureVersionId(),
					d.procedureName(), d.channel(), d.citizenId(), d.applicant(), d.assistedBy(), d.consent(), d.form(), d.state(),
					stateLabel(d.state()), d.version(), d.submittedAt(), d.receivedAt(), d.dueDate(), d.pausedAt(),
					d.workingDaysLeftWhenPaused(), d.assignee(), d.resultAt(), d.returnedAt(), d.returnMethod(), d.postTrackingNumber(),
					d.feeVnd(), d.billId(), d.paid(), d.paidOnline(), d.rating(), d.ratingComment(), d.verifyToken(), timeliness(r), evs,
					attachments.list(d.id()));
		});
	}

	vn.xaso.dossiers.Dossier get(long id) {
		return load(id).orElseThrow();
	}

	DossierSummary summary(DossierListings.Line l) {
		var st = workflows.get(l.workflow()).states().get(l.state());
		var t = l.state().equals(Dossier.DRAFT) || l.state().equals("refused") || st == null ? Timeliness.NONE
				: sla.timeliness(st.clock(), l.dueDate(), l.resultAt() == null ? null : LocalDate.ofInstant(l.resultAt(), Sla.VIETNAM),
						sla.today());
		return new DossierSummary(l.id(), l.code(), l.procedureCode(), l.procedureName(), l.applicantName(), l.channel(), l.state(),
				stateLabel(l.state()), l.submittedAt(), l.dueDate(), l.assigneeName(), t);
	}

	Timeliness timeliness(DossierTable.Row r) {
		if (r.state().equals(Dossier.DRAFT) || r.state().equals("refused")) {
			return Timeliness.NONE;
		}
		var clockState = workflows.get(r.workflow()).states().get(r.state());
		return sla.timeliness(clockState == null ? "waiting" : clockState.clock(), r.dueDate(),
				r.resultAt() == null ? null : LocalDate.ofInstant(r.resultAt(), Sla.VIETNAM), sla.today());
	}

	String stateLabel(String state) {
		if (state.equals(Dossier.DRAFT)) {
			return Texts.vi("dossiers.text.draftState");
		}
		for (var name : Workflows.NAMES) {
			var s = workflows.get(name).states().get(state);
			if (s != null) {
				return s.label();
			}
		}
		return state;
	}

	/** The label of a step in a workflow, or of a step outside workflows (drafting, paying, rating). */
	String actionLabel(String workflow, String action) {
		return workflows.get(workflow).action(action).map(Action::label).orElse(actionLabel(action));
	}

	/** The steps outside workflows: "draft", "submit", "attach", "supplement", "paid", "rate". */
	static String actionLabel(String action) {
		return Texts.viOr("dossiers.text.step." + action, action);
	}

	List<Action> workflow(String name) {
		return workflows.get(name).actions();
	}

	/** The steps the public tracking page shows (without the draft's creation). */
	List<Tracking.Step> publicSteps(DossierTable.Row r) {
		return timeline.publicSteps(r.id()).stream().map(s -> new Tracking.Step(s.at(), actionLabel(r.workflow(), s.action()))).toList();
	}

	/** Who received the dossier, as the receipt names them: the desk official, or the online service. */
	String receiver(DossierTable.Row row) {
		var receiver = timeline.firstActor(row.id(), "receive")
			.orElse(row.channel() == Channel.COUNTER ? "" : Texts.vi("dossiers.text.onlineService"));
		return receiver.isEmpty() ? timeline.firstActor(row.id(), "submit").orElse("") : receiver;
	}

	/** Someone else changed the dossier since the caller loaded it: who, what and when, and its state now. */
	DossierConflict conflict(DossierTable.Row row) {
		var last = timeline.last(row.id());
		if (last.isEmpty()) {
			return DossierConflict.saying("dossiers.error.changedMeanwhile");
		}
		var l = last.get();
		var w = workflows.get(row.workflow());
		var label = w.action(l.action()).map(Action::label).orElse(actionLabel(l.action()));
		var at = LocalDateTime.ofInstant(l.at(), Sla.VIETNAM).format(AT);
		if (l.toState() == null || !w.states().containsKey(l.toState())) {
			return DossierConflict.saying("dossiers.error.changedBy", l.actorName(), label, at, "");
		}
		return DossierConflict.saying("dossiers.error.changedByNow", l.actorName(), label, at, w.state(l.toState()).label());
	}
}
