package vn.xaso.feedback.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackCategory;
import vn.xaso.feedback.FeedbackEvent;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackReport;
import vn.xaso.feedback.PublicReport;
import vn.xaso.units.Unit;

/** The module's API: reads straight from the report table, changes through the use cases. */
@Service
class FeedbackManagement implements Feedback {

	private final ReportTable table;
	private final ReportWork work;
	private final FeedbackCategories categories;
	private final ReceivingFeedback receiving;
	private final TriagingFeedback triaging;
	private final AnsweringFeedback answering;
	private final FollowingUpFeedback followingUp;

	FeedbackManagement(ReportTable table, ReportWork work, FeedbackCategories categories, ReceivingFeedback receiving,
			TriagingFeedback triaging, AnsweringFeedback answering, FollowingUpFeedback followingUp) {
		this.table = table;
		this.work = work;
		this.categories = categories;
		this.receiving = receiving;
		this.triaging = triaging;
		this.answering = answering;
		this.followingUp = followingUp;
	}

	@Override
	public int reopenDays() {
		return followingUp.reopenDays();
	}

	@Override
	public long maxPhotoBytes() {
		return receiving.maxPhotoBytes();
	}

	@Override
	public Optional<Unit> commune(String code) {
		return categories.commune(code);
	}

	@Override
	public LocalDate dueDate(LocalDate received, int slaDays) {
		return work.dueDate(received, slaDays);
	}

	@Override
	public LocalDate today() {
		return work.today();
	}

	@Override
	public List<FeedbackCategory> categories(String unitCode) {
		return categories.of(unitCode);
	}

	@Override
	public Optional<FeedbackCategory> category(String unitCode, String code) {
		return categories.find(unitCode, code);
	}

	@Override
	public Created submit(NewReport report) {
		return receiving.submit(report);
	}

	@Override
	public Optional<PublicReport> publicReport(String unitCode, String code) {
		return work.asUnit(unitCode, () -> table.publicReport(unitCode, code));
	}

	@Override
	public List<FeedbackEvent> publicEvents(String unitCode, String code) {
		return work.asUnit(unitCode, () -> table.publicEvents(unitCode, code));
	}

	@Override
	public Listing<PublicReport> publicSearch(String unitCode, PublicSearch search) {
		return work.asUnit(unitCode, () -> table.publicSearch(unitCode, search));
	}

	@Override
	public Optional<Photo> photo(String unitCode, long photoId, boolean thumbnail, boolean publicOnly) {
		return work.asUnit(unitCode, () -> table.photo(unitCode, photoId, thumbnail, publicOnly));
	}

	@Override
	public Optional<String> codeOfToken(String unitCode, String token) {
		return work.asUnit(unitCode, () -> table.codeOfToken(unitCode, token));
	}

	@Override
	public List<FeedbackEvent> publicUpdates(String unitCode, long afterId, int limit) {
		return work.asUnit(unitCode, () -> table.publicUpdates(unitCode, afterId, limit));
	}

	@Override
	public List<Row> mine(long citizenId) {
		return work.asCitizen(() -> table.ofCitizen(citizenId));
	}

	@Override
	public Optional<FeedbackReport> own(long citizenId, String code) {
		return followingUp.own(citizenId, code);
	}

	@Override
	public void rate(long citizenId, String code, int rating) {
		followingUp.rate(citizenId, code, rating);
	}

	@Override
	public void reopen(long citizenId, String code, String reason) {
		followingUp.reopen(citizenId, code, reason);
	}

	@Override
	public Listing<Row> search(FeedbackActor actor, Search s) {
		var status = ReceivingFeedback.blank(s.status());
		if (status != null && !FeedbackReport.STATUSES.contains(s.status())) {
			throw new FeedbackException("status", "feedback.error.status");
		}
		var q = ReceivingFeedback.blank(s.q());
		if (q != null && s.q().length() > 100) {
			throw new FeedbackException("q", "feedback.error.qLong");
		}
		return work.asUnit(actor.unitCode(), () -> table.search(actor.unitCode(), status == null ? null : s.status(),
				ReceivingFeedback.blank(s.category()) == null ? null : s.category(),
				ReceivingFeedback.blank(s.handler()) == null ? null : s.handler(), "mine".equals(s.view()) ? actor.username() : null,
				"overdue".equals(s.view()) ? work.today() : null, q == null ? null : s.q(), s.page(), s.size()));
	}

	@Override
	public Optional<FeedbackReport> find(FeedbackActor actor, long id) {
		return work.asUnit(actor.unitCode(), () -> table.find(actor.unitCode(), id));
	}

	@Override
	public List<FeedbackEvent> events(FeedbackActor actor, long id) {
		return work.asUnit(actor.unitCode(), () -> table.events(actor.unitCode(), id));
	}

	@Override
	public List<String> duplicatesOf(FeedbackActor actor, long id) {
		return work.asUnit(actor.unitCode(), () -> table.duplicatesOf(actor.unitCode(), id));
	}

	@Override
	public List<Handler> handlers(FeedbackActor actor) {
		return triaging.handlers(actor);
	}

	@Override
	public Map<String, Long> counts(FeedbackActor actor) {
		return work.asUnit(actor.unitCode(), () -> table.counts(actor.unitCode()));
	}

	@Override
	public void assign(FeedbackActor actor, long id, String handler) {
		triaging.assign(actor, id, handler);
	}

	@Override
	public void note(FeedbackActor actor, long id, String text) {
		triaging.note(actor, id, text);
	}

	@Override
	public void answer(FeedbackActor actor, long id, String text) {
		answering.answer(actor, id, text);
	}

	@Override
	public void close(FeedbackActor actor, long id, String text) {
		answering.close(actor, id, text);
	}

	@Override
	public void merge(FeedbackActor actor, long id, String keptCode) {
		triaging.merge(actor, id, keptCode);
	}

	@Override
	public void setPhotosPublic(FeedbackActor actor, long id, boolean visible) {
		triaging.setPhotosPublic(actor, id, visible);
	}
}
