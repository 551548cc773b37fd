package vn.xaso.community.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.community.Visit;
import vn.xaso.community.VisitAction;

/** SQL adapter of {@code community_visit}. */
@Repository
class VisitTable {

	private static final String SELECT = """
			select v.id, v.household_id, h.head_name, v.member_id, m.full_name, v.visited_at, v.actions, v.outcome, v.follow_up_on,
			  v.dossier_id, v.dossier_code
			from community_visit v join community_household h on h.id = v.household_id join community_member m on m.id = v.member_id
			""";

	/** Open follow-ups: a follow-up date on the household's latest visit. */
	private static final String OPEN = """
			v.follow_up_on is not null and not exists (select 1 from community_visit later
			  where later.household_id = v.household_id and later.visited_at > v.visited_at)""";

	private final JdbcClient jdbc;

	VisitTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, long householdId, long memberId, Instant at, Set<VisitAction> actions, String outcome,
			@Nullable LocalDate followUpOn, @Nullable Long dossierId, @Nullable String dossierCode) {
		return jdbc.sql("""
				insert into community_visit (unit_code, household_id, member_id, visited_at, actions, outcome, follow_up_on,
				  dossier_id, dossier_code)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, householdId, memberId, java.sql.Timestamp.from(at),
					actions.stream().map(Enum::name).sorted().toArray(String[]::new), outcome, followUpOn, dossierId, dossierCode)
			.query(Long.class).single();
	}

	List<Visit> ofHousehold(String unitCode, long householdId) {
		return jdbc.sql(SELECT + " where v.unit_code = ? and v.household_id = ? order by v.visited_at desc, v.id desc limit 100")
			.params(unitCode, householdId).query(VisitTable::map).list();
	}

	/** The member's open follow-ups, soonest first. */
	List<Visit> followUps(String unitCode, long memberId) {
		return jdbc.sql(SELECT + " where v.unit_code = ? and v.member_id = ? and " + OPEN + " order by v.follow_up_on, v.id limit 200")
			.params(unitCode, memberId).query(VisitTable::map).list();
	}

	/** How many of the member's open follow-ups are due on or before {@code until}. */
	long dueFollowUps(String unitCode, long memberId, LocalDate until) {
		return jdbc.sql("select count(*) from community_visit v where v.unit_code = ? and v.member_id = ? and v.follow_up_on <= ? and " + OPEN)
			.params(unitCode, memberId, until).query(Long.class).single();
	}

	private static Visit map(ResultSet rs, int n) throws SQLException {
		var actions = EnumSet.noneOf(VisitAction.class);
		Arrays.stream((String[]) rs.getArray("actions").getArray()).map(VisitAction::valueOf).forEach(actions::add);
		return new Visit(rs.getLong("id"), rs.getLong("household_id"), rs.getString("head_name"), rs.getLong("member_id"),
				rs.getString("full_name"), rs.getTimestamp("visited_at").toInstant(), actions, rs.getString("outcome"),
				rs.getObject("follow_up_on", LocalDate.class), rs.getObject("dossier_id") == null ? null
						: new Visit.AssistedDossier(rs.getLong("dossier_id"), rs.getString("dossier_code"), null, null, null));
	}
}
