package vn.xaso.dossiers.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.ActionRequest;
import vn.xaso.dossiers.Caller;

/**
 * "request_supplement" pauses the clock, keeping the working days left; the citizen's supplement resumes it with
 * them and sends the dossier back to the step it was in.
 */
@Component
class RequestingSupplement implements OfficialStep {

	private final Sla sla;
	private final DossierTable table;
	private final TimelineTable timeline;

	RequestingSupplement(Sla sla, DossierTable table, TimelineTable timeline) {
		this.sla = sla;
		this.table = table;
		this.timeline = timeline;
	}

	@Override
	public Set<String> actions() {
		return Set.of("request_supplement");
	}

	@Override
	public String take(Dossier dossier, String action, Caller official, ActionRequest request, String note, Instant now) {
		dossier.requestSupplement(now);
		var row = dossier.row();
		if (row.receivedAt() != null && row.dueDate() != null) {
			table.pause(row.id(), now, sla.daysLeft(sla.today(), row.dueDate()));
		}
		return note;
	}

	/** The clock resumes with the days left; returns the state the dossier goes back to. */
	String resume(Dossier dossier) {
		var row = dossier.row();
		var back = timeline.lastFrom(row.id(), Workflow.SUPPLEMENT).orElse(Workflow.SUBMITTED);
		if (row.pausedAt() != null && row.pausedDaysLeft() != null) {
			table.resume(row.id(), sla.resume(sla.today(), row.pausedDaysLeft()));
		}
		return back;
	}
}
