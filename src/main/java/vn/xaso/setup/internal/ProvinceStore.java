package vn.xaso.setup.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.Json;

/** SQL adapter of {@code province_import} and {@code province_invite} (province onboarding). */
@Repository
public class ProvinceStore {

	private static final JsonMapper JSON = Json.MAPPER;

	/**
	 * A message kept with a checked file: a key of the setup bundle and its arguments, said in the reader's language
	 * when shown (not stored in words).
	 */
	public record Message(String key, List<String> args) {

		static Message of(String key, Object... args) {
			return new Message(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
		}

		public String in(java.util.Locale locale) {
			return SetupException.text(key, args.toArray()).in(locale);
		}
	}

	/** A row of a checked spreadsheet with its problems (empty: fine) and a remark that is not a problem, as messages. */
	public record CheckedRow(int line, String communeCode, String communeName, String agencyCode, String adminName, String phone,
			String email, List<Message> problemMessages, @Nullable Message remarkMessage) {

		public boolean ok() {
			return problemMessages.isEmpty();
		}

		/** The problems in {@code locale}. */
		public List<String> problems(java.util.Locale locale) {
			return problemMessages.stream().map(m -> m.in(locale)).toList();
		}

		/** The problems in Vietnamese. */
		public List<String> problems() {
			return problems(java.util.Locale.ROOT);
		}

		/** The remark in {@code locale}, or null. */
		public @Nullable String remark(java.util.Locale locale) {
			return remarkMessage == null ? null : remarkMessage.in(locale);
		}
	}

	public record Import(long id, String provinceCode, String createdBy, List<CheckedRow> rows, Instant createdAt,
			@Nullable Instant confirmedAt) {

		public boolean ok() {
			return rows.stream().allMatch(CheckedRow::ok);
		}

		public long problemRows() {
			return rows.stream().filter(r -> !r.ok()).count();
		}
	}

	public record Invite(String communeCode, String provinceCode, String tokenHash, String agencyCode, String adminName, String adminPhone,
			@Nullable String adminEmail, Instant invitedAt, Instant expiresAt, int step, @Nullable String adminUsername,
			@Nullable Instant finishedAt) {

		public boolean finished() {
			return finishedAt != null;
		}

		public boolean expired(Instant now) {
			return !finished() && !expiresAt.isAfter(now);
		}
	}

	private final JdbcClient jdbc;

	ProvinceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertImport(String provinceCode, String createdBy, List<CheckedRow> rows) {
		return jdbc.sql("insert into province_import (province_code, created_by, rows) values (?, ?, cast(? as jsonb)) returning id")
			.params(provinceCode, createdBy, JSON.writeValueAsString(rows)).query(Long.class).single();
	}

	public Optional<Import> findImport(long id) {
		return jdbc.sql("select * from province_import where id = ?").param(id).query(ProvinceStore::mapImport).optional();
	}

	public Optional<Import> lockImport(long id) {
		return jdbc.sql("select * from province_import where id = ? for update").param(id).query(ProvinceStore::mapImport).optional();
	}

	public void replaceRows(long id, List<CheckedRow> rows) {
		jdbc.sql("update province_import set rows = cast(? as jsonb) where id = ?").params(JSON.writeValueAsString(rows), id).update();
	}

	public void confirmImport(long id) {
		jdbc.sql("update province_import set confirmed_at = now() where id = ? and confirmed_at is null").param(id).update();
	}

	/** Creates or renews the commune's invitation (a new token voids the old one); a finished one is never touched. */
	public boolean invite(String communeCode, String provinceCode, String tokenHash, CheckedRow row, long importId, String by,
			Instant expiresAt) {
		keepReplaced(communeCode, tokenHash);
		return jdbc.sql("""
				insert into province_invite (commune_code, province_code, token_hash, agency_code, admin_name, admin_phone, admin_email,
				  import_id, invited_by, expires_at)
				values (:commune, :province, :hash, :agency, :name, :phone, :email, :import, :by, :expires)
				on conflict (commune_code) do update set token_hash = excluded.token_hash, agency_code = excluded.agency_code,
				  admin_name = excluded.admin_name, admin_phone = excluded.admin_phone, admin_email = excluded.admin_email,
				  import_id = excluded.import_id, invited_by = excluded.invited_by, invited_at = now(), expires_at = excluded.expires_at,
				  step = 1, admin_username = null
				where province_invite.finished_at is null and province_invite.step = 1""")
			.param("commune", communeCode).param("province", provinceCode).param("hash", tokenHash).param("agency", row.agencyCode())
			.param("name", row.adminName()).param("phone", row.phone()).param("email", row.email().isBlank() ? null : row.email())
			.param("import", importId).param("by", by).param("expires", Timestamp.from(expiresAt)).update() == 1;
	}

	/** Remembers the commune's current link (if still at step 1) as replaced, before a new token takes its place. */
	private void keepReplaced(String communeCode, String newHash) {
		jdbc.sql("""
				insert into province_invite_replaced (token_hash, commune_code)
				select token_hash, commune_code from province_invite
				where commune_code = ? and token_hash <> ? and finished_at is null and step = 1
				on conflict do nothing""").params(communeCode, newHash).update();
	}

	/** "Gửi lại": a new token (the old one is kept as replaced), invited again now, a new expiry; step-1 invitations only. */
	public boolean renew(String communeCode, String tokenHash, String by, Instant expiresAt) {
		keepReplaced(communeCode, tokenHash);
		return jdbc.sql("""
				update province_invite set token_hash = ?, invited_by = ?, invited_at = now(), expires_at = ?
				where commune_code = ? and finished_at is null and step = 1""")
			.params(tokenHash, by, Timestamp.from(expiresAt), communeCode).update() == 1;
	}

	public Optional<Invite> lockInvite(String communeCode) {
		return jdbc.sql("select * from province_invite where commune_code = ? for update").param(communeCode)
			.query(ProvinceStore::mapInvite).optional();
	}

	public Optional<Invite> findInvite(String communeCode) {
		return jdbc.sql("select * from province_invite where commune_code = ?").param(communeCode).query(ProvinceStore::mapInvite).optional();
	}

	/** The commune whose link this was, when it was replaced by a newer one. */
	public Optional<String> replacedCommune(String tokenHash) {
		return jdbc.sql("select commune_code from province_invite_replaced where token_hash = ?").param(tokenHash)
			.query(String.class).optional();
	}

	public List<Invite> invitesOf(String provinceCode) {
		return jdbc.sql("select * from province_invite where province_code = ?").param(provinceCode).query(ProvinceStore::mapInvite).list();
	}

	public Optional<Invite> byToken(String tokenHash) {
		return jdbc.sql("select * from province_invite where token_hash = ?").param(tokenHash).query(ProvinceStore::mapInvite).optional();
	}

	public Optional<Invite> lockByToken(String tokenHash) {
		return jdbc.sql("select * from province_invite where token_hash = ? for update").param(tokenHash)
			.query(ProvinceStore::mapInvite).optional();
	}

	/** Claims the single administrator slot of the invitation (false: another browser was first). */
	public boolean claimAdmin(String communeCode, String username) {
		return jdbc.sql("update province_invite set step = 2, admin_username = ? where commune_code = ? and step = 1 and admin_username is null")
			.params(username, communeCode).update() == 1;
	}

	public boolean finish(String communeCode) {
		return jdbc.sql("update province_invite set step = 3, finished_at = now() where commune_code = ? and step = 2 and finished_at is null")
			.param(communeCode).update() == 1;
	}

	private static Import mapImport(ResultSet rs, int n) throws SQLException {
		var confirmed = rs.getTimestamp("confirmed_at");
		return new Import(rs.getLong("id"), rs.getString("province_code"), rs.getString("created_by"),
				JSON.readValue(rs.getString("rows"), new TypeReference<List<CheckedRow>>() {
				}), rs.getTimestamp("created_at").toInstant(), confirmed == null ? null : confirmed.toInstant());
	}

	private static Invite mapInvite(ResultSet rs, int n) throws SQLException {
		var finished = rs.getTimestamp("finished_at");
		return new Invite(rs.getString("commune_code"), rs.getString("province_code"), rs.getString("token_hash"), rs.getString("agency_code"),
				rs.getString("admin_name"), rs.getString("admin_phone"), rs.getString("admin_email"),
				rs.getTimestamp("invited_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), rs.getInt("step"),
				rs.getString("admin_username"), finished == null ? null : finished.toInstant());
	}
}
