package vn.xaso.community.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.community.Team;

/** SQL adapter of {@code community_team} and {@code community_member}. */
@Repository
class TeamTable {

	record TeamRow(long id, String name, @Nullable Long villageId) {
	}

	private final JdbcClient jdbc;

	TeamTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean nameTaken(String unitCode, String name) {
		return jdbc.sql("select exists (select 1 from community_team where unit_code = ? and xaso_fold(name) = xaso_fold(?))")
			.params(unitCode, name).query(Boolean.class).single();
	}

	long insertTeam(String unitCode, String name, @Nullable Long villageId) {
		return jdbc.sql("insert into community_team (unit_code, name, village_id) values (?, ?, ?) returning id")
			.params(unitCode, name, villageId).query(Long.class).single();
	}

	List<TeamRow> teams(String unitCode) {
		return jdbc.sql("select id, name, village_id from community_team where unit_code = ? order by village_id nulls first, name")
			.param(unitCode).query((rs, n) -> new TeamRow(rs.getLong("id"), rs.getString("name"), rs.getObject("village_id", Long.class)))
			.list();
	}

	Optional<TeamRow> team(String unitCode, long id) {
		return jdbc.sql("select id, name, village_id from community_team where unit_code = ? and id = ?").params(unitCode, id)
			.query((rs, n) -> new TeamRow(rs.getLong("id"), rs.getString("name"), rs.getObject("village_id", Long.class)))
			.optional();
	}

	long insertMember(String unitCode, long teamId, String username, String fullName, boolean leader) {
		if (leader) {
			jdbc.sql("update community_member set leader = false where team_id = ? and leader").param(teamId).update();
		}
		return jdbc.sql("insert into community_member (unit_code, team_id, username, full_name, leader) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, teamId, username, fullName, leader).query(Long.class).single();
	}

	List<Team.Member> members(String unitCode, @Nullable Long teamId) {
		return jdbc.sql("""
				select m.id, m.team_id, m.username, m.full_name, m.leader,
				  (select count(*) from community_assignment a where a.member_id = m.id) as households
				from community_member m where m.unit_code = ? and (cast(? as bigint) is null or m.team_id = ?)
				order by m.leader desc, m.full_name, m.id""")
			.params(unitCode, teamId, teamId)
			.query((rs, n) -> new Team.Member(rs.getLong("id"), rs.getLong("team_id"), rs.getString("username"),
					rs.getString("full_name"), rs.getBoolean("leader"), rs.getLong("households")))
			.list();
	}

	Optional<Long> memberIdOf(String unitCode, String username) {
		return jdbc.sql("select id from community_member where unit_code = ? and username = ?").params(unitCode, username)
			.query(Long.class).optional();
	}

	Optional<Team.Member> member(String unitCode, long id) {
		return members(unitCode, null).stream().filter(m -> m.id() == id).findFirst();
	}
}
