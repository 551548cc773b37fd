package vn.xaso.meetings.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the named teams {@code meeting_team} and their members {@code meeting_team_member}. */
@Component
class NamedTeamTable {

	/** A team's member: username and name. */
	record Member(String username, String fullName) {
	}

	/** A team with its members (by name); {@code archived}: no longer offered for new tasks. */
	record Team(long id, String name, boolean archived, List<Member> members) {
	}

	private final JdbcClient jdbc;

	NamedTeamTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new team; empty when an active team of the unit has that name already. */
	Optional<Long> insert(String unitCode, String name, String by) {
		return jdbc.sql("""
				insert into meeting_team (unit_code, name, created_by) values (?, ?, ?)
				on conflict (unit_code, lower(btrim(name))) where archived_at is null do nothing returning id""")
			.params(unitCode, name, by).query(Long.class).optional();
	}

	/** Replaces the members; returns the earlier ones. */
	List<Member> members(String unitCode, long teamId, List<Member> members) {
		var before = membersOf(teamId);
		jdbc.sql("delete from meeting_team_member where team_id = ?").param(teamId).update();
		for (var m : members) {
			jdbc.sql("insert into meeting_team_member (team_id, unit_code, username, full_name) values (?, ?, ?, ?)")
				.params(teamId, unitCode, m.username(), m.fullName()).update();
		}
		return before;
	}

	List<Member> membersOf(long teamId) {
		return jdbc.sql("select username, full_name from meeting_team_member where team_id = ? order by full_name, username").param(teamId)
			.query((rs, n) -> new Member(rs.getString(1), rs.getString(2))).list();
	}

	/** Archives an active team (once); whether this call did. */
	boolean archive(String unitCode, long teamId, Instant now) {
		return jdbc.sql("update meeting_team set archived_at = ? where unit_code = ? and id = ? and archived_at is null")
			.params(Timestamp.from(now), unitCode, teamId).update() == 1;
	}

	/** Locks and reads a team of the unit. */
	Optional<Team> lock(String unitCode, long teamId) {
		jdbc.sql("select 1 from meeting_team where unit_code = ? and id = ? for update").params(unitCode, teamId).query(Integer.class).optional();
		return find(unitCode, teamId);
	}

	Optional<Team> find(String unitCode, long teamId) {
		return jdbc.sql("select id, name, archived_at is not null from meeting_team where unit_code = ? and id = ?").params(unitCode, teamId)
			.query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getBoolean(3), membersOf(rs.getLong(1)))).optional();
	}

	/** The unit's teams with their members, active ones first, by name. */
	List<Team> list(String unitCode) {
		var teams = new LinkedHashMap<Long, Team>();
		jdbc.sql("select id, name, archived_at is not null from meeting_team where unit_code = ? order by archived_at is not null, name, id")
			.param(unitCode)
			.query(rs -> {
				teams.put(rs.getLong(1), new Team(rs.getLong(1), rs.getString(2), rs.getBoolean(3), new ArrayList<>()));
			});
		jdbc.sql("select m.team_id, m.username, m.full_name from meeting_team_member m join meeting_team t on t.id = m.team_id"
				+ " where t.unit_code = ? order by m.full_name, m.username").param(unitCode)
			.query(rs -> {
				var t = teams.get(rs.getLong(1));
				if (t != null) {
					t.members().add(new Member(rs.getString(2), rs.getString(3)));
				}
			});
		return List.copyOf(teams.values());
	}
}
