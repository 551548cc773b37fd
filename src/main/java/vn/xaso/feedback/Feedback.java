package vn.xaso.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.xaso.units.Unit;

/**
 * Citizen feedback of a commune: the module's API. Citizens and the public have no unit scope of
 * their own, so the methods they reach run in the commune's scope they name and return only public
 * fields, or — for a signed-in reporter — only their own reports. Officials act in their own unit.
 * Every change writes an audit entry and a timeline entry in the same transaction and publishes a
 * past-tense event ({@link FeedbackReceived}, {@link FeedbackAnswered}, …).
 */
public interface Feedback {

	ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	int MAX_PHOTOS = 5;

	/** What a reporter sends. Photos are raw uploads; they are checked and re-encoded by the module. */
	record NewReport(String unitCode, String categoryCode, String description, @Nullable Double lat, @Nullable Double lon,
			@Nullable String villageCode, String address, @Nullable Long citizenId, boolean anonymous, @Nullable String contactName,
			@Nullable String contactPhone, @Nullable String contactEmail, List<byte[]> photos, String source,
			@Nullable String mediaUrl, @Nullable Long apiKeyId) {
	}

	record Created(String code, String token, long id) {
	}

	/** Filters of the officials' list; blank = any. {@code view}: "overdue" or "mine". */
	record Search(@Nullable String q, @Nullable String status, @Nullable String category, @Nullable String handler,
			@Nullable String view, int page, int size) {
	}

	record Row(long id, String code, String categoryName, String status, String description, @Nullable String handler,
			LocalDate dueDate, Instant createdAt, boolean anonymous, @Nullable String mergedIntoCode) {

		public boolean overdue(LocalDate today) {
			return (FeedbackReport.NEW.equals(status) || FeedbackReport.IN_PROGRESS.equals(status)) && dueDate.isBefore(today);
		}
	}

	record Listing<T>(List<T> rows, long total) {
	}

	/** Filters of the public list and Open311 GET requests. */
	record PublicSearch(@Nullable List<String> codes, @Nullable List<String> categoryCodes, @Nullable Instant from,
			@Nullable Instant to, @Nullable List<String> statuses, @Nullable String q, int offset, int limit) {
	}

	record Handler(String username, String fullName) {
	}

	record Photo(byte[] content) {
	}

	/** No such report (or API key) in the acting official's commune. */
	final class NotFound extends RuntimeException {
		public NotFound(Object id) {
			super("feedback report " + id + " not found");
		}
	}

	// ---------------------------------------------------------------- settings and categories

	int reopenDays();

	long maxPhotoBytes();

	/** The commune with this code, if it is one. */
	Optional<Unit> commune(String code);

	/** The due date of a report received on {@code received}: the SLA's working days later, holidays skipped. */
	LocalDate dueDate(LocalDate received, int slaDays);

	LocalDate today();

	/** The commune's categories, creating the default set the first time anyone asks. */
	List<FeedbackCategory> categories(String unitCode);

	Optional<FeedbackCategory> category(String unitCode, String code);

	// ---------------------------------------------------------------- anyone

	/** Checks, stores and audits a new report; returns its public code and Open311 token. */
	Created submit(NewReport report);

	Optional<PublicReport> publicReport(String unitCode, String code);

	/** Public timeline entries: internal notes left out, officials shown as "the commune". */
	List<FeedbackEvent> publicEvents(String unitCode, String code);

	Listing<PublicReport> publicSearch(String unitCode, PublicSearch search);

	/** A photo's bytes; with {@code publicOnly}, only when an official marked the report's photos public. */
	Optional<Photo> photo(String unitCode, long photoId, boolean thumbnail, boolean publicOnly);

	/** The Open311 token's report code. */
	Optional<String> codeOfToken(String unitCode, String token);

	/** Public status changes of the commune after {@code afterId}, oldest first (the Open311 updates feed). */
	List<FeedbackEvent> publicUpdates(String unitCode, long afterId, int limit);

	// ---------------------------------------------------------------- the reporter

	/** A signed-in citizen's own reports in every commune, newest first. */
	List<Row> mine(long citizenId);

	/** One of the citizen's own reports; empty for anyone else's. */
	Optional<FeedbackReport> own(long citizenId, String code);

	/** The reporter rates the answer, 1–5, once the report is answered or closed. */
	void rate(long citizenId, String code, int rating);

	/** The reporter reopens an answered or closed report within the configured window; a new due date is set. */
	void reopen(long citizenId, String code, String reason);

	// ---------------------------------------------------------------- officials

	Listing<Row> search(FeedbackActor actor, Search search);

	Optional<FeedbackReport> find(FeedbackActor actor, long id);

	/** Every timeline entry, internal notes included, for the commune's officials. */
	List<FeedbackEvent> events(FeedbackActor actor, long id);

	/** Reports merged into this one. */
	List<String> duplicatesOf(FeedbackActor actor, long id);

	List<Handler> handlers(FeedbackActor actor);

	/** Counts by status for the officials' list header. */
	Map<String, Long> counts(FeedbackActor actor);

	void assign(FeedbackActor actor, long id, String handler);

	/** An internal note: never shown publicly, never in Open311. */
	void note(FeedbackActor actor, long id, String text);

	/** The public answer; the reporter is notified. */
	void answer(FeedbackActor actor, long id, String text);

	void close(FeedbackActor actor, long id, String text);

	/** Marks report {@code id} a duplicate of {@code keptCode}: it points to the kept report and follows it from now on. */
	void merge(FeedbackActor actor, long id, String keptCode);

	/** Whether the report's photos may be shown publicly (default: no). */
	void setPhotosPublic(FeedbackActor actor, long id, boolean visible);
}
