package vn.xaso.community.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.CommunityPeople;
import vn.xaso.identity.Citizens;

/**
 * {@link CommunityPeople} from community's own households: the head and the "name (year)" entries of the members line,
 * with the household's phone only where a citizen account has that phone.
 */
@Service
class PeopleOfHouseholds implements CommunityPeople {

	private final HouseholdPeopleTable people;
	private final ReadingHouseholds households;
	private final Citizens citizens;

	/** The people from community's own table, the village names from units, the account check from identity. */
	PeopleOfHouseholds(HouseholdPeopleTable people, ReadingHouseholds households, Citizens citizens) {
		this.people = people;
		this.households = households;
		this.citizens = citizens;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Person> membersBornBetween(String unitCode, int fromYear, int toYear) {
		var villages = households.villageNames(unitCode);
		var linked = new java.util.HashMap<String, Boolean>();
		return people.bornBetween(unitCode, fromYear, toYear, LIMIT).stream()
			.map(r -> new Person(r.householdId() + "-" + r.position(), r.name(), r.birthYear(), r.householdId(), r.headName(),
					villages.getOrDefault(r.villageId(), ""),
					r.phone() != null && linked.computeIfAbsent(r.phone(), p -> citizens.idByPhone(p).isPresent()) ? r.phone() : null))
			.toList();
	}
}
