package vn.xaso.community.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.Survey;
import vn.xaso.community.SurveyRecorded;

/** Appends a dated digital-adoption survey to a household the actor may see; earlier surveys stay as they were. */
@Service
public class RecordingSurvey {

	/** The answers of one survey. */
	public record Answers(LocalDate on, int smartphones, Survey.Internet internet, boolean ePayment, boolean vneidLevel2,
			boolean usesApp, boolean inZaloGroup, Survey.Barrier mainBarrier) {
	}

	private final SurveyTable surveys;
	private final ReadingHouseholds households;
	private final HouseholdTable table;
	private final ApplicationEventPublisher events;

	RecordingSurvey(SurveyTable surveys, ReadingHouseholds households, HouseholdTable table, ApplicationEventPublisher events) {
		this.surveys = surveys;
		this.households = households;
		this.table = table;
		this.events = events;
	}

	@Transactional
	public long record(Actor actor, long householdId, Answers a) {
		if (!actor.staff() && actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember"); // a village head reads, does not survey
		}
		households.visible(actor, householdId).orElseThrow(() -> new CommunityException(null, "community.error.noHousehold"));
		check(a);
		// one survey of a household at a time: the counters take "the latest survey" from the order of entry
		table.lock(actor.unitCode(), householdId);
		long id = surveys.insert(actor.unitCode(), householdId, a.on(), a.smartphones(), a.internet(), a.ePayment(),
				a.vneidLevel2(), a.usesApp(), a.inZaloGroup(), a.mainBarrier(), actor.username());
		events.publishEvent(new SurveyRecorded(actor.unitCode(), id, householdId, a.on(), a.smartphones() > 0, a.ePayment(),
				a.vneidLevel2(), a.usesApp()));
		return id;
	}

	/** Refuses answers no survey may have (a date after today, an impossible number of phones). */
	static void check(Answers a) {
		if (a.on().isAfter(LocalDate.now(HouseholdEntry.VIETNAM)) || a.on().getYear() < 2000) {
			throw new CommunityException("surveyedOn", "community.error.surveyDate");
		}
		if (a.smartphones() < 0 || a.smartphones() > 20) {
			throw new CommunityException("smartphones", "community.error.smartphones");
		}
	}

	/** The id of the household's latest survey, 0 when it has none: the version a phone's offline form starts from. */
	@Transactional(readOnly = true)
	public long latestId(Actor actor, long householdId) {
		return history(actor, householdId).stream().mapToLong(Survey::id).max().orElse(0);
	}

	@Transactional(readOnly = true)
	public List<Survey> history(Actor actor, long householdId) {
		return households.visible(actor, householdId).map(h -> surveys.history(actor.unitCode(), householdId)).orElse(List.of());
	}
}
