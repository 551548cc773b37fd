package vn.xaso.community.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.HouseholdRegistered;
import vn.xaso.units.Villages;

/**
 * Registers a household in a village of the actor's commune, refusing a duplicate (same head, year of
 * birth and village, or same phone). A member who registers a household looks after it.
 */
@Service
public class RegisteringHousehold {

	private final HouseholdTable households;
	private final Villages villages;
	private final ApplicationEventPublisher events;
	private final CommunityMetrics metrics;

	RegisteringHousehold(HouseholdTable households, Villages villages, ApplicationEventPublisher events, CommunityMetrics metrics) {
		this.households = households;
		this.villages = villages;
		this.events = events;
		this.metrics = metrics;
	}

	@Transactional
	public long register(Actor actor, HouseholdEntry.Input input) {
		if (!actor.staff() && actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember");
		}
		var entry = HouseholdEntry.of(input);
		requireVillage(villages, actor.unitCode(), entry.villageId());
		refuseDuplicate(actor.unitCode(), entry);
		long id;
		try {
			id = households.insert(actor.unitCode(), entry, actor.username());
		}
		catch (DuplicateKeyException e) {
			// a concurrent registration of the same household won the race
			throw new CommunityException("headName", "community.error.duplicateHead");
		}
		if (actor.memberId() != null && !actor.staff()) {
			households.assign(actor.unitCode(), id, actor.memberId());
		}
		events.publishEvent(new HouseholdRegistered(actor.unitCode(), id, entry.villageId(), actor.username()));
		metrics.householdsAdded(actor.unitCode(), java.util.List.of(id));
		return id;
	}

	void refuseDuplicate(String unitCode, HouseholdEntry entry) {
		if (households.headExists(unitCode, entry.villageId(), entry.headName(), entry.headBirthYear())) {
			throw new CommunityException("headName", "community.error.duplicateHead");
		}
		if (entry.phone() != null && households.phoneExists(unitCode, entry.phone())) {
			throw new CommunityException("phone", "community.error.duplicatePhone");
		}
	}

	static void requireVillage(Villages villages, String unitCode, long villageId) {
		if (villages.list(unitCode).stream().noneMatch(v -> v.id() == villageId && v.active())) {
			throw new CommunityException("villageId", "community.error.village");
		}
	}
}
