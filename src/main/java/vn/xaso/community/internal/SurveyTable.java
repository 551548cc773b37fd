package vn.xaso.community.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.community.Survey;

/** SQL adapter of {@code community_survey}: insert and read only (the application role cannot update or delete). */
@Repository
class SurveyTable {

	private final JdbcClient jdbc;

	SurveyTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, long householdId, LocalDate on, int smartphones, Survey.Internet internet, boolean ePayment,
			boolean vneid, boolean usesApp, boolean zalo, Survey.Barrier barrier, String by) {
		return jdbc.sql("""
				insert into community_survey (unit_code, household_id, surveyed_on, smartphones, internet, e_payment, vneid_level2,
				  uses_app, in_zalo_group, main_barrier, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, householdId, on, smartphones, internet.name().toLowerCase(Locale.ROOT), ePayment, vneid, usesApp,
					zalo, barrier.name().toLowerCase(Locale.ROOT), by)
			.query(Long.class).single();
	}

	/** Every survey of the household, newest first. */
	List<Survey> history(String unitCode, long householdId) {
		return jdbc.sql("""
				select id, household_id, surveyed_on, smartphones, internet, e_payment, vneid_level2, uses_app, in_zalo_group,
				  main_barrier, recorded_by from community_survey where unit_code = ? and household_id = ?
				order by surveyed_on desc, id desc""")
			.params(unitCode, householdId)
			.query(SurveyTable::map)
			.list();
	}

	/** Adoption figures of one village: households and those whose latest survey has each item; with a code. */
	record VillageAdoption(long villageId, long households, long surveyed, long smartphone, long ePayment, long vneid, long app,
			long coded) {
	}

	/** Per village of the commune ({@code villageId} non-null: that village only), from the latest survey of each household. */
	List<VillageAdoption> adoption(String unitCode, @org.jspecify.annotations.Nullable Long villageId) {
		return jdbc.sql("""
				select h.village_id, count(*), count(l.id), count(*) filter (where l.smartphones > 0), count(*) filter (where l.e_payment),
				  count(*) filter (where l.vneid_level2), count(*) filter (where l.uses_app), count(*) filter (where h.address_coded_at is not null)
				from community_household h
				left join lateral (select s.id, s.smartphones, s.e_payment, s.vneid_level2, s.uses_app from community_survey s
				  where s.household_id = h.id order by s.surveyed_on desc, s.id desc limit 1) l on true
				where h.unit_code = ? and (?::bigint is null or h.village_id = ?)
				group by h.village_id""")
			.params(unitCode, villageId, villageId)
			.query((rs, n) -> new VillageAdoption(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
					rs.getLong(7), rs.getLong(8)))
			.list();
	}

	java.util.Optional<Survey> find(String unitCode, long id) {
		return jdbc.sql("""
				select id, household_id, surveyed_on, smartphones, internet, e_payment, vneid_level2, uses_app, in_zalo_group,
				  main_barrier, recorded_by from community_survey where unit_code = ? and id = ?""")
			.params(unitCode, id).query(SurveyTable::map).optional();
	}

	private static Survey map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Survey(rs.getLong("id"), rs.getLong("household_id"), rs.getObject("surveyed_on", LocalDate.class),
					rs.getInt("smartphones"), Survey.Internet.valueOf(rs.getString("internet").toUpperCase(Locale.ROOT)),
					rs.getBoolean("e_payment"), rs.getBoolean("vneid_level2"), rs.getBoolean("uses_app"),
					rs.getBoolean("in_zalo_group"), Survey.Barrier.valueOf(rs.getString("main_barrier").toUpperCase(Locale.ROOT)),
					rs.getString("recorded_by"));
	}
}
