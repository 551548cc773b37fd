package vn.xaso.feedback.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.feedback.Feedback.Handler;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;

/** The commune's officials sort reports: give one to a handler, note, mark a duplicate, show or hide its photos. */
@Service
public class TriagingFeedback {

	private final ReportTable table;
	private final ReportWork work;
	private final Accounts accounts;

	TriagingFeedback(ReportTable table, ReportWork work, Accounts accounts) {
		this.table = table;
		this.work = work;
		this.accounts = accounts;
	}

	/** Who may be given a report: the commune's active officials, province viewers left out. */
	public List<Handler> handlers(FeedbackActor actor) {
		return accounts.list(actor.unitCode(), null, 0, 200).items().stream()
			.filter(o -> o.active() && !o.roles().contains(Role.PROVINCE_VIEWER))
			.map(o -> new Handler(o.username(), o.fullName()))
			.toList();
	}

	public void assign(FeedbackActor actor, long id, String handler) {
		requireHandler(actor);
		var who = handler == null ? "" : handler.strip();
		if (handlers(actor).stream().noneMatch(h -> h.username().equals(who))) {
			throw new FeedbackException("handler", "feedback.error.handler");
		}
		work.change(actor, id, r -> {
			r.assign(who);
			table.assign(r.state().id(), who, work.now());
			return AuditEvent.of(r.state().unitCode(), actor.username(), "feedback.assigned").on("feedback_report", r.state().code())
				.change("handler=" + r.state().handler() + ", status=" + r.state().status(), "handler=" + who + ", status=in_progress");
		});
	}

	public void note(FeedbackActor actor, long id, String text) {
		requireHandler(actor);
		var note = text == null ? "" : text.strip();
		if (note.isEmpty() || note.length() > 2000) {
			throw new FeedbackException("note", "feedback.error.note");
		}
		work.change(actor, id, r -> {
			r.note(note);
			return AuditEvent.of(r.state().unitCode(), actor.username(), "feedback.noted").on("feedback_report", r.state().code());
		});
	}

	public void merge(FeedbackActor actor, long id, String keptCode) {
		requireHandler(actor);
		var code = keptCode == null ? "" : keptCode.strip().toUpperCase(Locale.ROOT);
		var kept = work.asUnit(actor.unitCode(), () -> table.byCode(actor.unitCode(), code))
			.orElseThrow(() -> new FeedbackException("keptCode", "feedback.error.mergeUnknown", code));
		Report.mayKeep(kept, id);
		work.change(actor, id, r -> {
			r.mergeInto(kept);
			table.merge(r.state().id(), kept.id(), work.now());
			return AuditEvent.of(r.state().unitCode(), actor.username(), "feedback.merged").on("feedback_report", r.state().code())
				.change("status=" + r.state().status(), "status=merged, into=" + kept.code());
		});
	}

	public void setPhotosPublic(FeedbackActor actor, long id, boolean visible) {
		requireHandler(actor);
		work.change(actor, id, r -> {
			table.photosPublic(r.state().id(), visible, work.now());
			r.showPhotos(visible);
			return AuditEvent.of(r.state().unitCode(), actor.username(), "feedback.photos").on("feedback_report", r.state().code())
				.change("public=" + r.state().photosPublic(), "public=" + visible);
		});
	}

	static void requireHandler(FeedbackActor actor) {
		if (!actor.handles()) {
			throw new AccessDeniedException("feedback handlers only");
		}
	}
}
