package vn.xaso.party.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyMembership.Membership;

/**
 * The only SQL of {@code party_cell} and {@code party_member}: the organisation's cells and members, and the transaction's
 * party scope (set_config, local to the transaction) that row-level security reads.
 */
@Component
class MemberTable {

	private static final String MEMBER = "m.id, m.cell_id, m.full_name, coalesce(m.official_username, '') as account, "
			+ "m.citizen_id is not null as citizen, m.secretary, m.committee";

	/** A member to add: an official's username or a citizen's id (exactly one). */
	record NewMember(String unitCode, long cellId, String fullName, @Nullable String username, @Nullable Long citizenId, boolean secretary,
			boolean committee, String by) {
	}

	private final JdbcClient jdbc;

	MemberTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets a party setting for the rest of the transaction. */
	void scope(String setting, String value) {
		jdbc.sql("select set_config(?, ?, true)").params(setting, value).query(String.class).single();
	}

	/**
	 * The caller's active membership in the unit: {@code app.party_person} must name them; the cell's name is read once
	 * the party scope is open ({@link #withCellName}).
	 */
	Optional<Membership> membership(String unitCode, PartyCaller caller) {
		return jdbc.sql("""
				select m.id, m.unit_code, m.cell_id, m.full_name, m.secretary, m.committee from party_member m
				where m.unit_code = ? and m.active and (m.official_username = ? or m.citizen_id = ?)""")
			.params(unitCode, caller.username(), caller.citizenId())
			.query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2), rs.getLong(3), "", rs.getString(4), rs.getBoolean(5),
					rs.getBoolean(6)))
			.optional();
	}

	/** The membership with its cell's name (the party scope open). */
	Membership withCellName(Membership m) {
		var name = jdbc.sql("select name from party_cell where id = ?").param(m.cellId()).query(String.class).optional().orElse("");
		return new Membership(m.memberId(), m.unitCode(), m.cellId(), name, m.fullName(), m.secretary(), m.committee());
	}

	/** The commune a citizen is an active member in (system-wide scope, {@code app.party_person} naming them). */
	Optional<String> unitOfCitizen(long citizenId) {
		return jdbc.sql("select unit_code from party_member where citizen_id = ? and active order by id limit 1").param(citizenId)
			.query(String.class).optional();
	}

	boolean anyCommittee(String unitCode) {
		return jdbc.sql("select exists (select 1 from party_member where unit_code = ? and committee and active)").param(unitCode)
			.query(Boolean.class).single();
	}

	/** A new cell; empty when the commune already has a cell of that name (without diacritics). */
	Optional<Long> insertCell(String unitCode, String name, String by) {
		return jdbc.sql("insert into party_cell (unit_code, name, created_by) values (?, ?, ?) on conflict do nothing returning id")
			.params(unitCode, name, by).query(Long.class).optional();
	}

	Optional<PartyViews.Cell> cell(String unitCode, long cellId) {
		return jdbc.sql(cellQuery("c.unit_code = ? and c.id = ?")).params(unitCode, cellId).query(MemberTable::cell).optional();
	}

	List<PartyViews.Cell> cells(String unitCode) {
		return jdbc.sql(cellQuery("c.unit_code = ?") + " order by c.name").param(unitCode).query(MemberTable::cell).list();
	}

	private static String cellQuery(String where) {
		return "select c.id, c.name, (select count(*) from party_member m where m.cell_id = c.id and m.active) as members, "
				+ "(select string_agg(m.full_name, ', ' order by m.full_name) from party_member m where m.cell_id = c.id and m.active "
				+ "and m.secretary) as secretaries from party_cell c where " + where;
	}

	private static PartyViews.Cell cell(ResultSet rs, int n) throws SQLException {
		return new PartyViews.Cell(rs.getLong("id"), rs.getString("name"), rs.getInt("members"), rs.getString("secretaries"));
	}

	List<PartyViews.Member> members(long cellId) {
		return jdbc.sql("select " + MEMBER + " from party_member m where m.cell_id = ? and m.active order by m.full_name, m.id")
			.param(cellId).query(MemberTable::member).list();
	}

	Optional<PartyViews.Member> member(long cellId, long memberId) {
		return jdbc.sql("select " + MEMBER + " from party_member m where m.cell_id = ? and m.id = ? and m.active").params(cellId, memberId)
			.query(MemberTable::member).optional();
	}

	private static PartyViews.Member member(ResultSet rs, int n) throws SQLException {
		return new PartyViews.Member(rs.getLong("id"), rs.getLong("cell_id"), rs.getString("full_name"), rs.getString("account"),
				rs.getBoolean("citizen"), rs.getBoolean("secretary"), rs.getBoolean("committee"));
	}

	/**
	 * Adds the member, or moves a member the scope sees (the committee sees every cell) into the cell with these duties.
	 * Empty when the person is a member of a cell the scope does not see (only the committee moves members between cells).
	 */
	Optional<Long> upsert(NewMember m) {
		var existing = jdbc.sql("select id from party_member where unit_code = ? and (official_username = ? or citizen_id = ?) for update")
			.params(m.unitCode(), m.username(), m.citizenId()).query(Long.class).optional();
		if (existing.isPresent()) {
			jdbc.sql("""
					update party_member set cell_id = ?, full_name = ?, secretary = ?, committee = ?, active = true, added_by = ?, added_at = now()
					where id = ?""")
				.params(m.cellId(), m.fullName(), m.secretary(), m.committee(), m.by(), existing.get()).update();
			return existing;
		}
		return jdbc.sql("""
				insert into party_member (unit_code, cell_id, full_name, official_username, citizen_id, secretary, committee, added_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
			.params(m.unitCode(), m.cellId(), m.fullName(), m.username(), m.citizenId(), m.secretary(), m.committee(), m.by())
			.query(Long.class).optional();
	}

	boolean deactivate(long cellId, long memberId) {
		return jdbc.sql("update party_member set active = false, secretary = false, committee = false where cell_id = ? and id = ? and active")
			.params(cellId, memberId).update() == 1;
	}
}
