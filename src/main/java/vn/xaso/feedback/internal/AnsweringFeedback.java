package vn.xaso.feedback.internal;

import java.util.ArrayList;

import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackReport;

/** The commune answers a report publicly or closes it; {@code FeedbackAnswered} / {@code FeedbackClosed} tell the reporters. */
@Service
public class AnsweringFeedback {

	private final ReportTable table;
	private final ReportWork work;
	private final FeedbackNotifier notifier;

	AnsweringFeedback(ReportTable table, ReportWork work, FeedbackNotifier notifier) {
		this.table = table;
		this.work = work;
		this.notifier = notifier;
	}

	public void answer(FeedbackActor actor, long id, String text) {
		TriagingFeedback.requireHandler(actor);
		var answer = text == null ? "" : text.strip();
		if (answer.length() < 10 || answer.length() > 4000) {
			throw new FeedbackException("answer", "feedback.error.answer");
		}
		var report = work.change(actor, id, r -> {
			r.answer(answer);
			table.answer(r.state().id(), answer, actor.username(), work.now());
			return AuditEvent.of(r.state().unitCode(), actor.username(), "feedback.answered").on("feedback_report", r.state().code())
				.change("status=" + r.state().status(), "status=answered");
		});
		notifyReporters(actor, report, "notify.feedback.answered");
	}

	public void close(FeedbackActor actor, long id, String text) {
		TriagingFeedback.requireHandler(actor);
		var note = text == null ? "" : text.strip();
		if (note.length() > 2000) {
			throw new FeedbackException("closeNote", "feedback.error.closeNoteLong");
		}
		var report = work.change(actor, id, r -> {
			r.close(note);
			table.close(r.state().id(), work.now());
			return AuditEvent.of(r.state().unitCode(), actor.username(), "feedback.closed").on("feedback_report", r.state().code())
				.change("status=" + r.state().status(), "status=closed");
		});
		notifyReporters(actor, report, "notify.feedback.closed");
	}

	/**
	 * After the commit, outside the transaction: the reporter of the report and those of its
	 * duplicates. (Not an event listener: a notice queued in an after-commit callback would join
	 * the finished transaction and never be stored.)
	 */
	private void notifyReporters(FeedbackActor actor, FeedbackReport report, String template) {
		var followers = new ArrayList<FeedbackReport>();
		followers.add(report);
		followers.addAll(work.asUnit(actor.unitCode(), () -> table.followers(actor.unitCode(), report.id())));
		for (var f : followers) {
			notifier.notifyReporter(f, report, template);
		}
	}
}
