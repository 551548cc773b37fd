package vn.xaso.community.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.platform.SqlLike;

/** SQL adapter of {@code community_household} and {@code community_assignment}. */
@Repository
class HouseholdTable {

	/** A household row; the village name is filled in by the caller from units. */
	record Row(long id, String unitCode, long villageId, String headName, int headBirthYear, @Nullable String headCccd,
			@Nullable String members, @Nullable String phone, String address, String consentWhat,
			java.time.LocalDate consentOn, String consentBy, boolean elderlyAlone, boolean disability, boolean poor,
			@Nullable Long memberId, @Nullable String memberName) {
	}

	private static final String COLUMNS = """
			h.id, h.unit_code, h.village_id, h.head_name, h.head_birth_year, h.head_cccd, h.members, h.phone, h.address,
			h.consent_what, h.consent_on, h.consent_by, h.elderly_alone, h.disability, h.poor, a.member_id, m.full_name as member_name
			from community_household h
			left join community_assignment a on a.household_id = h.id
			left join community_member m on m.id = a.member_id
			""";

	private final JdbcClient jdbc;

	HouseholdTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, HouseholdEntry e, String by) {
		return jdbc.sql("""
				insert into community_household (unit_code, village_id, head_name, head_key, head_birth_year, head_cccd, members,
				  phone, address, consent_what, consent_on, consent_by, elderly_alone, disability, poor, created_by)
				values (?, ?, ?, xaso_fold(?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, e.villageId(), e.headName(), e.headName(), e.headBirthYear(), e.headCccd(), e.members(),
					e.phone(), e.address(), e.consentWhat(), e.consentOn(), by, e.elderlyAlone(), e.disability(), e.poor(), by)
			.query(Long.class).single();
	}

	boolean headExists(String unitCode, long villageId, String headName, int birthYear) {
		return jdbc.sql("select exists (select 1 from community_household where unit_code = ? and village_id = ? and head_key = xaso_fold(?) and head_birth_year = ?)")
			.params(unitCode, villageId, headName, birthYear).query(Boolean.class).single();
	}

	boolean phoneExists(String unitCode, String phone) {
		return jdbc.sql("select exists (select 1 from community_household where unit_code = ? and phone = ?)")
			.params(unitCode, phone).query(Boolean.class).single();
	}

	/** The texts folded as the database folds head names ({@code xaso_fold}), in order: one query for a whole import. */
	List<String> fold(List<String> texts) {
		return jdbc.sql("select xaso_fold(t) from unnest(cast(? as text[])) with ordinality as u(t, n) order by n")
			.param(texts.toArray(String[]::new)).query(String.class).list();
	}

	/** "village|folded head|year" of every household of the commune. */
	java.util.Set<String> headKeys(String unitCode) {
		return new java.util.HashSet<>(jdbc.sql("select village_id || '|' || head_key || '|' || head_birth_year from community_household where unit_code = ?")
			.param(unitCode).query(String.class).list());
	}

	java.util.Set<String> phones(String unitCode) {
		return new java.util.HashSet<>(jdbc.sql("select phone from community_household where unit_code = ? and phone is not null")
			.param(unitCode).query(String.class).list());
	}

	Optional<Row> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " where h.unit_code = ? and h.id = ?").params(unitCode, id)
			.query(HouseholdTable::map).optional();
	}

	/** A page of households; {@code memberId} non-null keeps only that member's households. */
	List<Row> page(String unitCode, @Nullable Long villageId, String q, @Nullable Long memberId, int offset, int limit) {
		var where = new StringBuilder(" where h.unit_code = ?");
		var params = new ArrayList<Object>(List.of(unitCode));
		filter(where, params, villageId, q, memberId);
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select " + COLUMNS + where + " order by h.head_key, h.id limit ? offset ?").params(params)
			.query(HouseholdTable::map).list();
	}

	long count(String unitCode, @Nullable Long villageId, String q, @Nullable Long memberId) {
		var where = new StringBuilder(" where h.unit_code = ?");
		var params = new ArrayList<Object>(List.of(unitCode));
		filter(where, params, villageId, q, memberId);
		return jdbc.sql("select count(*) from community_household h left join community_assignment a on a.household_id = h.id" + where)
			.params(params).query(Long.class).single();
	}

	private static void filter(StringBuilder where, List<Object> params, @Nullable Long villageId, String q, @Nullable Long memberId) {
		if (villageId != null) {
			where.append(" and h.village_id = ?");
			params.add(villageId);
		}
		if (memberId != null) {
			where.append(" and a.member_id = ?");
			params.add(memberId);
		}
		if (!q.isBlank()) {
			where.append(" and (h.head_key like xaso_fold(?) or h.phone = ?)");
			params.add(SqlLike.contains(q.strip()));
			params.add(q.strip());
		}
	}

	/** Locks the household's row until the end of the transaction. */
	void lock(String unitCode, long id) {
		jdbc.sql("select id from community_household where unit_code = ? and id = ? for update").params(unitCode, id).query(Long.class).list();
	}

	/** The household's address record id and whether its address has a code; empty without a record. */
	Optional<java.util.Map.Entry<Long, Boolean>> address(String unitCode, long id) {
		return jdbc.sql("select address_id, address_coded_at is not null from community_household where unit_code = ? and id = ? and address_id is not null")
			.params(unitCode, id).query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getBoolean(2))).optional();
	}

	/** Links the household to its digital address record. */
	void linkAddress(String unitCode, long id, long addressId) {
		jdbc.sql("update community_household set address_id = ? where unit_code = ? and id = ?").params(addressId, unitCode, id).update();
	}

	/** Marks the household's address as coded (the first time only); whether this call marked it. */
	boolean markCoded(String unitCode, long id, long addressId) {
		return jdbc.sql("""
				update community_household set address_coded_at = now(), address_id = coalesce(address_id, ?)
				where unit_code = ? and id = ? and address_coded_at is null""").params(addressId, unitCode, id).update() == 1;
	}

	/** Assigns the household to a member (replacing an earlier assignment). */
	void assign(String unitCode, long householdId, long memberId) {
		jdbc.sql("""
				insert into community_assignment (household_id, unit_code, member_id) values (?, ?, ?)
				on conflict (household_id) do update set member_id = excluded.member_id, assigned_at = now()""")
			.params(householdId, unitCode, memberId).update();
	}

	boolean assignedTo(long householdId, long memberId) {
		return jdbc.sql("select exists (select 1 from community_assignment where household_id = ? and member_id = ?)")
			.params(householdId, memberId).query(Boolean.class).single();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("village_id"), rs.getString("head_name"),
				rs.getInt("head_birth_year"), rs.getString("head_cccd"), rs.getString("members"), rs.getString("phone"),
				rs.getString("address"), rs.getString("consent_what"), rs.getObject("consent_on", java.time.LocalDate.class),
				rs.getString("consent_by"), rs.getBoolean("elderly_alone"), rs.getBoolean("disability"), rs.getBoolean("poor"),
				rs.getObject("member_id", Long.class), rs.getString("member_name"));
	}
}
