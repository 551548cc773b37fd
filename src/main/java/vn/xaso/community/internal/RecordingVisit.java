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
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Dossiers;

/**
 * A member records a visit to a household assigned to them: what was done, the outcome and an optional
 * follow-up date, which stays on their to-do list until the household's next visit. A visit in which the member
 * submitted a dossier with help may name it by its code: it must be an assisted submission of the commune made by
 * this member, with the citizen's consent (read through the dossiers API; nothing of the dossier is copied but its
 * id and code).
 */
@Service
public class RecordingVisit {

	private final VisitTable visits;
	private final ReadingHouseholds households;
	private final ApplicationEventPublisher events;
	private final Dossiers dossiers;

	RecordingVisit(VisitTable visits, ReadingHouseholds households, ApplicationEventPublisher events, Dossiers dossiers) {
		this.visits = visits;
		this.households = households;
		this.events = events;
		this.dossiers = dossiers;
	}

	@Transactional
	public long record(Actor actor, long householdId, Instant at, Set<VisitAction> actions, String outcome,
			@Nullable LocalDate followUpOn) {
		return record(actor, householdId, at, actions, outcome, followUpOn, null);
	}

	/** As above, naming the dossier submitted with help on the visit ({@code dossierCode} blank: none). */
	@Transactional
	public long record(Actor actor, long householdId, Instant at, Set<VisitAction> actions, String outcome,
			@Nullable LocalDate followUpOn, @Nullable String dossierCode) {
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
		var dossier = assisted(actor, actions, dossierCode);
		long id = visits.insert(actor.unitCode(), householdId, actor.memberId(), at, actions, text, followUpOn,
				dossier == null ? null : dossier.id(), dossier == null ? null : dossier.code());
		events.publishEvent(new VisitRecorded(actor.unitCode(), id, householdId, actor.memberId(), at, Set.copyOf(actions)));
		return id;
	}

	/** The dossier named on the visit: an assisted submission of this member in the commune, with consent. */
	private vn.xaso.dossiers.@Nullable Dossier assisted(Actor actor, Set<VisitAction> actions, @Nullable String dossierCode) {
		var code = dossierCode == null ? "" : dossierCode.strip();
		if (code.isEmpty()) {
			return null;
		}
		if (!actions.contains(VisitAction.ASSISTED_DOSSIER) || code.length() > 40) {
			throw new CommunityException("dossierCode", "community.error.dossierAction");
		}
		var found = dossiers.findByCode(caller(actor), code)
			.filter(d -> d.channel() == Channel.ASSISTED && d.consent() != null && d.assistedBy() != null
					&& d.assistedBy().endsWith("(" + actor.username() + ")")); // "Full Name (username)", as dossiers keeps it
		return found.orElseThrow(() -> new CommunityException("dossierCode", "community.error.dossier", code));
	}

	private static Caller caller(Actor actor) {
		return Caller.official(actor.unitCode(), actor.username(), actor.username(), actor.roles());
	}

	/** The household's visits; a dossier submitted with help carries its consent as the dossiers module keeps it. */
	@Transactional(readOnly = true)
	public List<Visit> ofHousehold(Actor actor, long householdId) {
		return households.visible(actor, householdId).map(h -> visits.ofHousehold(actor.unitCode(), householdId)).orElse(List.of())
			.stream().map(v -> v.dossier() == null ? v : v.withDossier(dossiers.find(caller(actor), v.dossier().id())
				.map(d -> new Visit.AssistedDossier(d.id(), v.dossier().code(), d.consent() == null ? null : d.consent().consentedBy(),
						d.consent() == null ? null : d.consent().method().label(), d.consent() == null ? null : d.consent().at()))
				.orElse(v.dossier())))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Visit> followUps(Actor actor) {
		return actor.memberId() == null ? List.of() : visits.followUps(actor.unitCode(), actor.memberId());
	}
}
