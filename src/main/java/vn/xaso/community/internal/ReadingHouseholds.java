package vn.xaso.community.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.community.Actor;
import vn.xaso.community.Household;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * Household lists and records, each as far as the actor may see: commune staff the whole commune, a
 * member only the households assigned to them, anyone else nothing. Lists mask CCCD and phone;
 * reading a full record is written to the audit log.
 */
@Service
public class ReadingHouseholds {

	public record ListPage(List<Household.Line> items, long total) {
	}

	private final HouseholdTable households;
	private final Villages villages;
	private final ApplicationEventPublisher events;

	ReadingHouseholds(HouseholdTable households, Villages villages, ApplicationEventPublisher events) {
		this.households = households;
		this.villages = villages;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public ListPage list(Actor actor, @Nullable Long villageId, String q, int offset, int limit) {
		var member = scope(actor);
		if (member.isEmpty()) {
			return new ListPage(List.of(), 0);
		}
		if (actor.villageHead()) {
			if (villageId != null && !villageId.equals(actor.villageId())) {
				return new ListPage(List.of(), 0);
			}
			villageId = actor.villageId();
		}
		var onlyMember = member.get() == 0 ? null : member.get();
		var names = villageNames(actor.unitCode());
		var rows = households.page(actor.unitCode(), villageId, q, onlyMember, offset, limit);
		var lines = rows.stream().map(r -> Household.Line.of(r.id(), names.getOrDefault(r.villageId(), ""), r.headName(),
				r.headBirthYear(), r.headCccd(), r.phone(), new Household.Vulnerability(r.elderlyAlone(), r.disability(), r.poor()),
				r.memberName())).toList();
		return new ListPage(lines, households.count(actor.unitCode(), villageId, q, onlyMember));
	}

	/** The full record, audited; empty when it does not exist or the actor may not see it. */
	@Transactional
	public Optional<Household> read(Actor actor, long id) {
		var found = visible(actor, id);
		found.ifPresent(h -> events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "community.household.read")
			.on("community_household", id)));
		return found;
	}

	/** The household's digital address record (kept by the addresses module) and whether it has a code yet. */
	public record Address(long id, boolean coded) {
	}

	@Transactional(readOnly = true)
	public Optional<Address> address(Actor actor, long householdId) {
		return visible(actor, householdId).flatMap(h -> households.address(actor.unitCode(), householdId))
			.map(a -> new Address(a.getKey(), a.getValue()));
	}

	/** The record without an audit entry, for checks before recording a visit or survey. */
	@Transactional(readOnly = true)
	public Optional<Household> visible(Actor actor, long id) {
		var member = scope(actor);
		if (member.isEmpty()) {
			return Optional.empty();
		}
		return households.find(actor.unitCode(), id)
			.filter(r -> actor.villageHead() ? java.util.Objects.equals(actor.villageId(), r.villageId())
					: member.get() == 0 || (r.memberId() != null && r.memberId().equals(member.get())))
			.map(r -> toHousehold(r, villageNames(actor.unitCode())));
	}

	/**
	 * Empty: sees nothing; 0: the whole commune (or, for a village head bound to a village, that village — the
	 * callers narrow it); otherwise the member id whose households are visible.
	 */
	static Optional<Long> scope(Actor actor) {
		if (actor.staff()) {
			return Optional.of(0L);
		}
		if (actor.villageHead()) {
			return actor.villageId() == null ? Optional.empty() : Optional.of(0L);
		}
		return Optional.ofNullable(actor.memberId());
	}

	Map<Long, String> villageNames(String unitCode) {
		var map = new HashMap<Long, String>();
		for (Village v : villages.list(unitCode)) {
			map.put(v.id(), v.fullName());
		}
		return map;
	}

	private static Household toHousehold(HouseholdTable.Row r, Map<Long, String> names) {
		return new Household(r.id(), r.unitCode(), r.villageId(), names.getOrDefault(r.villageId(), ""), r.headName(),
				r.headBirthYear(), r.headCccd(), r.members(), r.phone(), r.address(),
				new Household.Consent(r.consentWhat(), r.consentOn(), r.consentBy()),
				new Household.Vulnerability(r.elderlyAlone(), r.disability(), r.poor()), r.memberId(), r.memberName());
	}
}
