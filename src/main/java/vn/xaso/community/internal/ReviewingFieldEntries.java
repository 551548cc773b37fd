package vn.xaso.community.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.Survey;

/**
 * Surveys written offline on an older copy of a household and kept for review when they reached the server:
 * the member who wrote them or the commune staff see both versions and either keep the offline survey (it is
 * added to the household's history, recorded by the member who wrote it) or set it aside (it stays on record).
 */
@Service
public class ReviewingFieldEntries {

	/** One survey waiting for review, next to the newer survey it met ({@code newer} null if unreadable). */
	public record Waiting(long id, long householdId, String headName, String memberName, Instant madeAt, Instant receivedAt,
			Survey offline, @Nullable Survey newer) {
	}

	private final FieldEntryTable entries;
	private final SurveyTable surveyTable;
	private final RecordingSurvey surveys;
	private final ApplicationEventPublisher events;

	ReviewingFieldEntries(FieldEntryTable entries, SurveyTable surveyTable, RecordingSurvey surveys, ApplicationEventPublisher events) {
		this.entries = entries;
		this.surveyTable = surveyTable;
		this.surveys = surveys;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<Waiting> waiting(Actor actor) {
		if (!actor.staff() && actor.memberId() == null) {
			return List.of();
		}
		return entries.waiting(actor.unitCode(), actor.staff() ? null : actor.memberId()).stream()
			.map(r -> new Waiting(r.id(), r.householdId(), r.headName(), r.memberName(), r.madeAt(), r.receivedAt(),
					offline(r), r.newerSurveyId() == null ? null : surveyTable.find(actor.unitCode(), r.newerSurveyId()).orElse(null)))
			.toList();
	}

	@Transactional(readOnly = true)
	public long count(Actor actor) {
		if (!actor.staff() && actor.memberId() == null) {
			return 0;
		}
		return entries.countWaiting(actor.unitCode(), actor.staff() ? null : actor.memberId());
	}

	/**
	 * Keeps the offline survey (added to the household's history) or sets it aside.
	 *
	 * @throws CommunityException {@code community.review.error.none} (no such entry for this actor: 404),
	 *         {@code community.review.error.decided} (someone decided first: a double submit changes nothing)
	 */
	@Transactional
	public void decide(Actor actor, long id, boolean keep) {
		var row = entries.find(actor.unitCode(), id)
			.filter(r -> "survey".equals(r.kind()))
			.filter(r -> actor.staff() || (actor.memberId() != null && actor.memberId() == r.memberId()))
			.orElseThrow(() -> new CommunityException(null, "community.review.error.none"));
		if (!"review".equals(row.status())) {
			throw new CommunityException(null, "community.review.error.decided");
		}
		Long surveyId = null;
		if (keep) {
			// Checked as the person deciding; recorded in the name of the member who wrote it.
			surveyId = surveys.record(new Actor(actor.unitCode(), row.username(), actor.roles(), actor.memberId()),
					row.householdId(), row.answers());
		}
		if (!entries.decide(id, keep ? "kept" : "set_aside", surveyId, actor.username())) {
			throw new CommunityException(null, "community.review.error.decided");
		}
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), keep ? "community.fieldEntry.kept" : "community.fieldEntry.setAside")
			.on("community_field_entry", id));
	}

	private static Survey offline(FieldEntryTable.Row r) {
		var a = r.answers();
		return new Survey(0, r.householdId(), a.on(), a.smartphones(), a.internet(), a.ePayment(), a.vneidLevel2(), a.usesApp(),
				a.inZaloGroup(), a.mainBarrier(), r.username());
	}
}
