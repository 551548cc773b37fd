package vn.xaso.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.feedback.FeedbackAnswered;
import vn.xaso.feedback.FeedbackAssigned;
import vn.xaso.feedback.FeedbackChanged;
import vn.xaso.feedback.FeedbackClosed;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.FeedbackMerged;
import vn.xaso.feedback.FeedbackRated;
import vn.xaso.feedback.FeedbackReceived;
import vn.xaso.feedback.FeedbackReopened;
import vn.xaso.feedback.FeedbackReport;

/**
 * One report as the aggregate of the feedback workflow. Each method guards its step against the
 * declared {@link Step workflow}, then registers the timeline entries and the past-tense event the
 * caller stores and publishes ({@link ReportWork#record}). The SQL of the change is the caller's
 * ({@link ReportTable}); this class decides only whether the change may happen and what it says.
 */
final class Report {

	/** A report's status as stored ({@code feedback_report.status}). */
	enum Status {
		NEW, IN_PROGRESS, ANSWERED, CLOSED, MERGED;

		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Status of(String code) {
			return valueOf(code.toUpperCase(java.util.Locale.ROOT));
		}
	}

	/** The workflow: each step, the statuses it may start from, and the message when it may not. */
	enum Step {
		ASSIGN(EnumSet.of(Status.NEW, Status.IN_PROGRESS), "handler", "feedback.error.assignFinished"),
		ANSWER(EnumSet.of(Status.NEW, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED), "answer", "feedback.error.answerMerged"),
		CLOSE(EnumSet.of(Status.NEW, Status.IN_PROGRESS, Status.ANSWERED), "closeNote", "feedback.error.closedAlready"),
		MERGE(EnumSet.of(Status.NEW, Status.IN_PROGRESS, Status.ANSWERED, Status.CLOSED), "keptCode", "feedback.error.mergedAlready"),
		RATE(EnumSet.of(Status.ANSWERED, Status.CLOSED), "rating", "feedback.error.rateUnanswered"),
		REOPEN(EnumSet.of(Status.ANSWERED, Status.CLOSED), "reason", "feedback.error.reopenUnanswered");

		private final Set<Status> from;
		private final String field;
		private final String refusal;

		Step(Set<Status> from, String field, String refusal) {
			this.from = from;
			this.field = field;
			this.refusal = refusal;
		}

		boolean allowedFrom(Status status) {
			return from.contains(status);
		}
	}

	/** A timeline entry to store ({@code feedback_event}). */
	record Entry(long reportId, String kind, String actor, boolean isPublic, String status, String text) {
	}

	/** A new report's row, checked and ready to store. */
	record Received(String unitCode, String code, String token, long categoryId, String description, @Nullable Double lat,
			@Nullable Double lon, @Nullable String villageCode, String address, @Nullable Long citizenId, boolean anonymous,
			@Nullable String contactName, @Nullable String contactPhone, @Nullable String contactEmail, LocalDate dueDate,
			@Nullable String mediaUrl, String source, @Nullable Long apiKeyId) {
	}

	private final FeedbackReport state;
	private final String actor;
	private final List<Entry> entries = new ArrayList<>();
	private final List<FeedbackChanged> events = new ArrayList<>();

	private Report(FeedbackReport state, String actor) {
		this.state = state;
		this.actor = actor;
	}

	/** The report as stored, acted on by {@code actor} (a username, {@code citizen:<id>}, "anonymous" or "open311"). */
	static Report of(FeedbackReport state, String actor) {
		return new Report(state, actor);
	}

	FeedbackReport state() {
		return state;
	}

	List<Entry> entries() {
		return entries;
	}

	List<FeedbackChanged> events() {
		return events;
	}

	Status status() {
		return Status.of(state.status());
	}

	private void require(Step step) {
		if (!step.allowedFrom(status())) {
			throw new FeedbackException(step.field, step.refusal, state.mergedIntoCode());
		}
	}

	private void entry(String kind, boolean isPublic, String status, String text) {
		entries.add(new Entry(state.id(), kind, actor, isPublic, status, text));
	}

	/** A report just stored: its "created" entry and {@link FeedbackReceived}. */
	void receive() {
		entry("created", true, FeedbackReport.NEW, "");
		events.add(new FeedbackReceived(state.unitCode(), state.id(), state.code(), state.source()));
	}

	void assign(String handler) {
		require(Step.ASSIGN);
		entry("assigned", true, FeedbackReport.IN_PROGRESS, "");
		entry("assigned-to", false, FeedbackReport.IN_PROGRESS, handler);
		events.add(new FeedbackAssigned(state.unitCode(), state.id(), state.code(), handler));
	}

	/** An internal note: allowed in every status, never public. */
	void note(String text) {
		entry("note", false, state.status(), text);
	}

	void answer(String text) {
		require(Step.ANSWER);
		entry("answered", true, FeedbackReport.ANSWERED, text);
		events.add(new FeedbackAnswered(state.unitCode(), state.id(), state.code()));
	}

	/** Closing without an answer needs a reason the reporter will read. */
	void close(String note) {
		require(Step.CLOSE);
		if (state.answer() == null && note.length() < 10) {
			throw new FeedbackException("closeNote", "feedback.error.closeReason");
		}
		entry("closed", true, FeedbackReport.CLOSED, note);
		events.add(new FeedbackClosed(state.unitCode(), state.id(), state.code()));
	}

	/** Whether {@code kept} may keep report {@code id} as its duplicate (checked before locking). */
	static void mayKeep(FeedbackReport kept, long id) {
		if (kept.id() == id) {
			throw new FeedbackException("keptCode", "feedback.error.mergeSelf");
		}
		if (FeedbackReport.MERGED.equals(kept.status())) {
			throw new FeedbackException("keptCode", "feedback.error.mergeIntoMerged", kept.code(), kept.mergedIntoCode());
		}
	}

	void mergeInto(FeedbackReport kept) {
		require(Step.MERGE);
		entry("merged", true, FeedbackReport.MERGED, kept.code());
		entries.add(new Entry(kept.id(), "duplicate", actor, true, kept.status(), state.code()));
		events.add(new FeedbackMerged(state.unitCode(), state.id(), state.code(), kept.code()));
	}

	void showPhotos(boolean visible) {
		entry(visible ? "photos-public" : "photos-hidden", false, state.status(), "");
	}

	void rate(int rating) {
		if (rating < 1 || rating > 5) {
			throw new FeedbackException("rating", "feedback.error.ratingRange");
		}
		require(Step.RATE);
		entry("rated", true, state.status(), rating + "/5");
		events.add(new FeedbackRated(state.unitCode(), state.id(), state.code(), rating));
	}

	/** Reopening is allowed for {@code reopenDays} after the answer (or the close). */
	void reopen(String reason, Instant now, int reopenDays, LocalDate due) {
		require(Step.REOPEN);
		var since = state.closedAt() != null ? state.closedAt() : state.answeredAt();
		if (since == null || since.plus(Duration.ofDays(reopenDays)).isBefore(now)) {
			throw new FeedbackException("reason", "feedback.error.reopenLate", reopenDays);
		}
		entry("reopened", true, FeedbackReport.IN_PROGRESS, reason);
		events.add(new FeedbackReopened(state.unitCode(), state.id(), state.code(), due));
	}

	@Override
	public String toString() {
		return "Report[" + state.code() + ", " + state.status() + ", events=" + Arrays.toString(events.toArray()) + "]";
	}
}
