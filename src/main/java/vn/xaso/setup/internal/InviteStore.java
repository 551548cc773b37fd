package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL adapter of {@code setup_invite}: the officials' first-sign-in links. */
@Repository
public class InviteStore {

	public record Invite(String token, String unitCode, String username, String fullName, Instant expiresAt,
			boolean used) {
	}

	private final JdbcClient jdbc;

	InviteStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String token, String unitCode, String username, String fullName, Instant expiresAt) {
		jdbc.sql("insert into setup_invite (token, unit_code, username, full_name, expires_at) values (?, ?, ?, ?, ?)")
			.params(token, unitCode, username, fullName, java.sql.Timestamp.from(expiresAt)).update();
	}

	public List<Invite> of(String unitCode) {
		return jdbc.sql("""
				select token, unit_code, username, full_name, expires_at, used_at is not null as used from setup_invite
				where unit_code = ? order by created_at, username""").param(unitCode).query(InviteStore::map).list();
	}

	public Optional<Invite> lock(String token) {
		return jdbc.sql("select token, unit_code, username, full_name, expires_at, used_at is not null as used from setup_invite where token = ? for update")
			.param(token).query(InviteStore::map).optional();
	}

	public void use(String token) {
		jdbc.sql("update setup_invite set used_at = now() where token = ?").param(token).update();
	}

	private static Invite map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Invite(rs.getString("token"), rs.getString("unit_code"), rs.getString("username"), rs.getString("full_name"),
				rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("used"));
	}
}
