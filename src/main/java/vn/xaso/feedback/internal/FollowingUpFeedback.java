package vn.xaso.feedback.internal;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.xaso.audit.AuditEvent;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackReport;

/** The signed-in reporter follows up their own report: reads it, rates the answer, reopens it within the window. */
@Service
public class FollowingUpFeedback {

	private final ReportTable table;
	private final ReportWork work;
	private final int reopenDays;

	FollowingUpFeedback(ReportTable table, ReportWork work, @Value("${xaso.feedback.reopen-days:7}") int reopenDays) {
		this.table = table;
		this.work = work;
		this.reopenDays = reopenDays;
	}

	public int reopenDays() {
		return reopenDays;
	}

	/** One of the citizen's own reports; empty for anyone else's. */
	public Optional<FeedbackReport> own(long citizenId, String code) {
		var m = java.util.regex.Pattern.compile("PA-([0-9]{5})-[0-9]{6}").matcher(code == null ? "" : code);
		if (!m.matches()) {
			return Optional.empty();
		}
		var unit = m.group(1);
		return work.asUnit(unit, () -> table.own(unit, code, citizenId));
	}

	public void rate(long citizenId, String code, int rating) {
		var report = Report.of(mine(citizenId, code), "citizen:" + citizenId);
		report.rate(rating);
		var r = report.state();
		work.asUnit(r.unitCode(), () -> {
			table.rate(r.id(), rating, work.now());
			work.record(report);
			work.audit(AuditEvent.of(r.unitCode(), "citizen:" + citizenId, "feedback.rated").on("feedback_report", code)
				.change(r.rating() == null ? null : "rating=" + r.rating(), "rating=" + rating));
			return null;
		});
	}

	public void reopen(long citizenId, String code, String reason) {
		var report = Report.of(mine(citizenId, code), "citizen:" + citizenId);
		var why = reason == null ? "" : reason.strip();
		if (why.length() < 10 || why.length() > 2000) {
			throw new FeedbackException("reason", "feedback.error.reopenReason");
		}
		var r = report.state();
		work.asUnit(r.unitCode(), () -> {
			var due = work.dueDate(work.today(), r.category().slaDays());
			report.reopen(why, work.now(), reopenDays, due);
			table.reopen(r.id(), due, work.now());
			work.record(report);
			work.audit(AuditEvent.of(r.unitCode(), "citizen:" + citizenId, "feedback.reopened").on("feedback_report", code)
				.change("status=" + r.status(), "status=in_progress, due=" + due));
			return null;
		});
	}

	private FeedbackReport mine(long citizenId, String code) {
		return own(citizenId, code).orElseThrow(() -> new FeedbackException("code", "feedback.error.notYours"));
	}
}
