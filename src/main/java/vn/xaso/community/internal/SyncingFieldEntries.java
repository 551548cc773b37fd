package vn.xaso.community.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.VisitAction;

/**
 * Takes the entries a team member's phone kept while it had no signal (visits and surveys) and saves each once.
 * Every entry carries a client id made on the phone: an entry sent again (the answer was lost on the way back)
 * is answered as before and saves nothing new. A survey written on an older copy of the household — a newer
 * survey came meanwhile from another device — is kept for review ({@link ReviewingFieldEntries}), never dropped.
 * Each entry is its own transaction: one refused entry does not hold back the others. A visit may name the dossier the
 * member submitted with help: it is linked as on the visit form (an assisted dossier of the commune, submitted by this
 * member, with consent), or the entry is refused with the form's reason and stays on the phone. A member sends entries
 * only for households assigned to them; one other household refuses the whole sync and saves nothing.
 */
@Service
public class SyncingFieldEntries {

	/** The most entries one sync takes (a phone sends the rest in the next one). */
	public static final int MAX_ENTRIES = 500;

	/**
	 * A visit written on the phone; {@code dossierCode} names the dossier the member submitted with help (blank: none),
	 * checked at sync as the visit form checks it.
	 */
	public record VisitEntry(Instant at, Set<VisitAction> actions, String outcome, @Nullable LocalDate followUpOn,
			@Nullable String dossierCode) {

		public VisitEntry(Instant at, Set<VisitAction> actions, String outcome, @Nullable LocalDate followUpOn) {
			this(at, actions, outcome, followUpOn, null);
		}
	}

	/**
	 * One entry from the phone: a visit or a survey (exactly one is set). {@code baseSurveyId} is the id of the
	 * household's latest survey when the phone saved its copy of the form (0: none).
	 */
	public record Entry(UUID clientId, long householdId, long baseSurveyId, Instant madeAt, @Nullable VisitEntry visit,
			RecordingSurvey.@Nullable Answers survey) {

		String kind() {
			return visit != null ? "visit" : "survey";
		}
	}

	/** What became of an entry. */
	public enum Outcome { SAVED, ALREADY_SAVED, KEPT_FOR_REVIEW, REFUSED }

	/** The answer for one entry; {@code refusal} says why when it was refused (nothing was saved). */
	public record Result(UUID clientId, Outcome outcome, @Nullable CommunityException refusal) {
	}

	private final FieldEntryTable entries;
	private final ReadingHouseholds households;
	private final RecordingVisit visits;
	private final RecordingSurvey surveys;
	private final TransactionTemplate tx;

	SyncingFieldEntries(FieldEntryTable entries, ReadingHouseholds households, RecordingVisit visits, RecordingSurvey surveys,
			PlatformTransactionManager transactions) {
		this.entries = entries;
		this.households = households;
		this.visits = visits;
		this.surveys = surveys;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Saves the entries of one device in order.
	 *
	 * @throws CommunityException {@code community.error.notMember} (not in a team) or {@code community.sync.error.notAssigned}
	 *         (an entry names a household not assigned to the member): nothing saved; {@code community.sync.error.tooMany}
	 */
	public List<Result> sync(Actor actor, UUID device, List<Entry> batch) {
		if (actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember");
		}
		if (batch.size() > MAX_ENTRIES) {
			throw new CommunityException(null, "community.sync.error.tooMany", MAX_ENTRIES);
		}
		// Only the households assigned to the member, whatever other roles the account has.
		var member = new Actor(actor.unitCode(), actor.username(), Set.of(), actor.memberId());
		var ids = new LinkedHashSet<Long>();
		batch.forEach(e -> ids.add(e.householdId()));
		for (long id : ids) {
			if (households.visible(member, id).isEmpty()) {
				throw new CommunityException(String.valueOf(id), "community.sync.error.notAssigned");
			}
		}
		var results = new ArrayList<Result>(batch.size());
		for (var entry : batch) {
			results.add(tx.execute(status -> one(member, device, entry, status)));
		}
		return results;
	}

	private Result one(Actor member, UUID device, Entry e, TransactionStatus status) {
		var unit = member.unitCode();
		var claimed = entries.claim(unit, e.clientId(), device, member.memberId(), member.username(), e.kind(), e.householdId(),
				e.baseSurveyId(), e.madeAt(), e.survey());
		if (claimed.isEmpty()) {
			return replay(member, e);
		}
		long id = claimed.get();
		try {
			if (e.visit() != null) {
				var v = e.visit();
				entries.saved(id, visits.record(member, e.householdId(), v.at(), v.actions(), v.outcome(), v.followUpOn(),
						v.dossierCode()));
				return new Result(e.clientId(), Outcome.SAVED, null);
			}
			var answers = e.survey();
			RecordingSurvey.check(answers);
			var newer = entries.newerSurvey(unit, e.householdId(), e.baseSurveyId(), device);
			if (newer.isPresent()) {
				entries.keepForReview(id, newer.get());
				return new Result(e.clientId(), Outcome.KEPT_FOR_REVIEW, null);
			}
			entries.saved(id, surveys.record(member, e.householdId(), answers));
			return new Result(e.clientId(), Outcome.SAVED, null);
		}
		catch (CommunityException refused) {
			status.setRollbackOnly();
			return new Result(e.clientId(), Outcome.REFUSED, refused);
		}
	}

	/** The client id was seen before: the same member's same entry gets the first answer again. */
	private Result replay(Actor member, Entry e) {
		var first = entries.byClientId(member.unitCode(), e.clientId());
		if (first.isEmpty() || first.get().memberId() != member.memberId() || first.get().householdId() != e.householdId()
				|| !first.get().kind().equals(e.kind())) {
			return new Result(e.clientId(), Outcome.REFUSED, new CommunityException("clientId", "community.sync.error.clientId"));
		}
		return new Result(e.clientId(), "review".equals(first.get().status()) ? Outcome.KEPT_FOR_REVIEW : Outcome.ALREADY_SAVED,
				null);
	}
}
