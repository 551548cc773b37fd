package vn.xaso.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.identity.Role;

/**
 * SQL for official accounts. Every query also names the unit where it can; row-level security
 * enforces the unit independently.
 */
@Repository
public class OfficialRepository {

	private static final String COLUMNS = """
			id, unit_code, username, full_name, title, phone, email, password_hash, roles, village_code,
			totp_secret, failed_attempts, locked_until, active, last_sign_in_at""";

	private final JdbcClient jdbc;

	OfficialRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OfficialRecord> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from official where username = ?")
			.param(username)
			.query(OfficialRepository::map)
			.optional();
	}

	public Optional<OfficialRecord> findInUnit(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from official where unit_code = ? and id = ?")
			.params(unitCode, id)
			.query(OfficialRepository::map)
			.optional();
	}

	public Optional<OfficialRecord> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from official where id = ?").param(id).query(OfficialRepository::map).optional();
	}

	public List<OfficialRecord> search(String unitCode, @Nullable String q, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + " " + """
				 from official where unit_code = :unit
				   and (cast(:q as text) is null or xaso_fold(full_name || ' ' || username) like '%' || xaso_fold(cast(:q as text)) || '%')
				 order by active desc, full_name limit :limit offset :offset""")
			.param("unit", unitCode)
			.param("q", q == null ? null : vn.xaso.platform.SqlLike.escape(q))
			.param("limit", limit)
			.param("offset", offset)
			.query(OfficialRepository::map)
			.list();
	}

	public long count(String unitCode, @Nullable String q) {
		return jdbc.sql("""
				select count(*) from official where unit_code = :unit
				   and (cast(:q as text) is null or xaso_fold(full_name || ' ' || username) like '%' || xaso_fold(cast(:q as text)) || '%')""")
			.param("unit", unitCode)
			.param("q", q == null ? null : vn.xaso.platform.SqlLike.escape(q))
			.query(Long.class)
			.single();
	}

	public long insert(String unitCode, String username, String fullName, @Nullable String title, @Nullable String phone,
			@Nullable String email, String passwordHash, Set<Role> roles, @Nullable String villageCode) {
		return jdbc.sql("""
				insert into official (unit_code, username, full_name, title, phone, email, password_hash, roles, village_code)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as text[]), ?) returning id""")
			.params(unitCode, username, fullName, title, phone, email, passwordHash, pgArray(roles), villageCode)
			.query(Long.class)
			.single();
	}

	public void updateProfile(long id, String fullName, @Nullable String title, @Nullable String phone,
			@Nullable String email, Set<Role> roles, @Nullable String villageCode) {
		jdbc.sql("""
				update official set full_name = ?, title = ?, phone = ?, email = ?, roles = cast(? as text[]),
				       village_code = ?, updated_at = now() where id = ?""")
			.params(fullName, title, phone, email, pgArray(roles), villageCode, id)
			.update();
	}

	public void setPassword(long id, String hash) {
		jdbc.sql("update official set password_hash = ?, password_changed_at = now(), updated_at = now() where id = ?")
			.params(hash, id)
			.update();
	}

	public void setActive(long id, boolean active) {
		jdbc.sql("update official set active = ?, updated_at = now() where id = ?").params(active, id).update();
	}

	public void setTotpSecret(long id, @Nullable String secret) {
		jdbc.sql("update official set totp_secret = ?, updated_at = now() where id = ?").params(secret, id).update();
	}

	/** Counts a failed sign-in; {@code waitUntil} (shown to administrators as "locked") when a wait started. */
	public int recordFailure(long id, @Nullable Instant waitUntil) {
		return jdbc.sql("""
				update official set failed_attempts = failed_attempts + 1, locked_until = coalesce(?, locked_until)
				 where id = ? returning failed_attempts""")
			.params(waitUntil == null ? null : Timestamp.from(waitUntil), id)
			.query(Integer.class)
			.single();
	}

	public void recordSuccess(long id, Instant at) {
		jdbc.sql("update official set failed_attempts = 0, locked_until = null, last_sign_in_at = ? where id = ?")
			.params(Timestamp.from(at), id)
			.update();
	}

	public void unlock(long id) {
		jdbc.sql("update official set failed_attempts = 0, locked_until = null, updated_at = now() where id = ?")
			.param(id)
			.update();
	}

	public boolean anyActiveAdministrator() {
		return jdbc.sql("select exists (select 1 from official where active and roles && array['ADMIN','PROVINCE_ADMIN'])")
			.query(Boolean.class).single();
	}

	/** Which of the given units have an active administrator (rows the caller's scope lets it see). */
	public java.util.Set<String> unitsWithActiveAdministrator(java.util.Collection<String> units) {
		if (units.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("select distinct unit_code from official where active and 'ADMIN' = any(roles) and unit_code in (:units)")
			.param("units", units).query(String.class).list());
	}

	static String pgArray(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static OfficialRecord map(ResultSet rs, int n) throws SQLException {
		return new OfficialRecord(rs.getLong("id"), rs.getString("unit_code"), rs.getString("username"),
				rs.getString("full_name"), rs.getString("title"), rs.getString("phone"), rs.getString("email"),
				rs.getString("password_hash"), roles(rs.getArray("roles")), rs.getString("village_code"),
				rs.getString("totp_secret"), rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")),
				rs.getBoolean("active"), instant(rs.getTimestamp("last_sign_in_at")));
	}

	private static Set<Role> roles(@Nullable Array array) throws SQLException {
		var set = EnumSet.noneOf(Role.class);
		if (array != null) {
			for (var name : (String[]) array.getArray()) {
				set.add(Role.valueOf(name));
			}
		}
		return set;
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
