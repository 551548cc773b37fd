package vn.xaso.community.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.Visit;
import vn.xaso.community.VisitAction;
import vn.xaso.community.VisitRecorded;

/**
 * A member records a visit to a household assigned to them: what was done, the outcome and an optional
 * follow-up date, which stays on their to-do list until the household's next visit.
 */
@Service
public class RecordingVisit {

	private final VisitTable visits;
	private final ReadingHouseholds households;
	private final ApplicationEventPublisher events;

	RecordingVisit(VisitTable visits, ReadingHouseholds households, ApplicationEventPublisher events) {
		this.visits = visits;
		this.households = households;
		this.events = events;
	}

	@Transactional
	public long record(Actor actor, long householdId, Instant at, Set<VisitAction> actions, String outcome,
			@Nullable LocalDate followUpOn) {
		if (actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember");
		}
		households.visible(actor, householdId).orElseThrow(() -> new CommunityException(null, "community.error.noHousehold"));
		if (actions.isEmpty()) {
			throw new CommunityException("actions", "community.error.actions");
		}
		var text = outcome == null ? "" : outcome.strip();
		if (text.isEmpty() || text.length() > 1000) {
			throw new CommunityException("outcome", "community.error.outcome");
		}
		var today = LocalDate.now(HouseholdEntry.VIETNAM);
		if (at.isAfter(Instant.now().plusSeconds(300)) || at.atZone(HouseholdEntry.VIETNAM).toLocalDate().isBefore(today.minusDays(60))) {
			throw new CommunityException("visitedAt", "community.error.visitedAt");
		}
		if (followUpOn != null && (followUpOn.isBefore(today) || followUpOn.isAfter(today.plusYears(1)))) {
			throw new CommunityException("followUpOn", "community.error.followUpOn");
		}
		long id = visits.insert(actor.unitCode(), householdId, actor.memberId(), at, actions, text, followUpOn);
		events.publishEvent(new VisitRecorded(actor.unitCode(), id, householdId, actor.memberId(), at, Set.copyOf(actions)));
		return id;
	}

	@Transactional(readOnly = true)
	public List<Visit> ofHousehold(Actor actor, long householdId) {
		return households.visible(actor, householdId).map(h -> visits.ofHousehold(actor.unitCode(), householdId)).orElse(List.of());
	}

	@Transactional(readOnly = true)
	public List<Visit> followUps(Actor actor) {
		return actor.memberId() == null ? List.of() : visits.followUps(actor.unitCode(), actor.memberId());
	}
}
