package vn.xaso.community.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the people of community_household by year of birth: the head (position 0) and each "name (year)" of the
 * members line (positions 1, 2, … in the order written; a leading relation word such as "con" stays in the name).
 */
@Component
class HouseholdPeopleTable {

	record Row(long householdId, int position, String name, int birthYear, long villageId, String headName, @Nullable String phone) {
	}

	private final JdbcClient jdbc;

	HouseholdPeopleTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> bornBetween(String unitCode, int fromYear, int toYear, int limit) {
		return jdbc.sql("""
				select * from (
				  select h.id, 0 as position, h.head_name as name, h.head_birth_year as year, h.village_id, h.head_name, h.phone
				  from community_household h where h.unit_code = :unit and h.head_birth_year between :from and :to
				  union all
				  select h.id, m.position::int, btrim(m.found[1]), m.found[2]::int, h.village_id, h.head_name, h.phone
				  from community_household h
				  cross join lateral regexp_matches(coalesce(h.members, ''), '([^,;()]+?)\\s*\\(\\s*([0-9]{4})\\s*\\)', 'g')
				    with ordinality as m(found, position)
				  where h.unit_code = :unit and h.members is not null and m.found[2]::int between :from and :to
				) p order by village_id, id, position limit :limit""")
			.param("unit", unitCode).param("from", fromYear).param("to", toYear).param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
					rs.getString(7)))
			.list();
	}
}
