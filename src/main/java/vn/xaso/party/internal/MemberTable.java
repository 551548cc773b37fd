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
			+ "m.citizen_id is not null as citizen, m.secretary, m.committee, m.card_number";

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
	Optional<Long> insertCell(String unitCode, String name, @Nullable String villageCode, String by) {
		return jdbc.sql("insert into party_cell (unit_code, name, village_code, created_by) values (?, ?, ?, ?) on conflict do nothing returning id")
			.params(unitCode, name, villageCode, by).query(Long.class).optional();
	}

	/** Links the cell to a village of the commune ({@code null}: none). */
	boolean setVillage(String unitCode, long cellId, @Nullable String villageCode) {
		return jdbc.sql("update party_cell set village_code = ? where unit_code = ? and id = ?").params(villageCode, unitCode, cellId)
			.update() == 1;
	}

	/** The name of the commune's party organisation (đảng bộ xã), if the committee gave it. */
	Optional<String> organisationName(String unitCode) {
		return jdbc.sql("select name from party_organisation where unit_code = ?").param(unitCode).query(String.class).optional();
	}

	void nameOrganisation(String unitCode, String name, String by) {
		jdbc.sql("""
				insert into party_organisation (unit_code, name, named_by) values (?, ?, ?)
				on conflict (unit_code) do update set name = excluded.name, named_by = excluded.named_by, named_at = now()""")
			.params(unitCode, name, by).update();
	}

	Optional<PartyViews.Cell> cell(String unitCode, long cellId) {
		return jdbc.sql(cellQuery("c.unit_code = ? and c.id = ?")).params(unitCode, cellId).query(MemberTable::cell).optional();
	}

	List<PartyViews.Cell> cells(String unitCode) {
		return jdbc.sql(cellQuery("c.unit_code = ?") + " order by c.name").param(unitCode).query(MemberTable::cell).list();
	}

	private static String cellQuery(String where) {
		return "select c.id, c.name, c.village_code, (select count(*) from party_member m where m.cell_id = c.id and m.active) as members, "
				+ "(select string_agg(m.full_name, ', ' order by m.full_name) from party_member m where m.cell_id = c.id and m.active "
				+ "and m.secretary) as secretaries from party_cell c where " + where;
	}

	private static PartyViews.Cell cell(ResultSet rs, int n) throws SQLException {
		return new PartyViews.Cell(rs.getLong("id"), rs.getString("name"), rs.getInt("members"), rs.getString("secretaries"),
				rs.getString("village_code"), null);
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
				rs.getBoolean("citizen"), rs.getBoolean("secretary"), rs.getBoolean("committee"), PartyViews.masked(rs.getString("card_number")));
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

	/** A member's full record (personal data: shown only to their secretary, the committee and themself). */
	Optional<PartyViews.MemberRecord> record(long cellId, long memberId) {
		return jdbc.sql("""
				select m.id, m.cell_id, m.full_name, coalesce(m.official_username, '') as account, m.citizen_id is not null as citizen,
				  m.admitted_on, m.official_on, m.card_number, m.birth_year, m.phone from party_member m
				where m.cell_id = ? and m.id = ? and m.active""")
			.params(cellId, memberId)
			.query((rs, n) -> new PartyViews.MemberRecord(rs.getLong("id"), rs.getLong("cell_id"), rs.getString("full_name"),
					rs.getString("account"), rs.getBoolean("citizen"), rs.getObject("admitted_on", java.time.LocalDate.class),
					rs.getObject("official_on", java.time.LocalDate.class), rs.getString("card_number"), (Integer) rs.getObject("birth_year"),
					rs.getString("phone"), List.of()))
			.optional();
	}

	void updateRecord(long memberId, PartyViews.RecordFields r) {
		jdbc.sql("update party_member set admitted_on = ?, official_on = ?, card_number = ?, birth_year = ?, phone = ? where id = ?")
			.params(r.admittedOn(), r.officialOn(), r.cardNumber(), r.birthYear(), r.phone(), memberId).update();
	}

	/** Moves an active member to another cell (not a secretary there) and keeps the move. */
	void move(String unitCode, long memberId, long fromCell, long toCell, java.time.LocalDate on, String by) {
		jdbc.sql("update party_member set cell_id = ?, secretary = false where id = ? and cell_id = ?").params(toCell, memberId, fromCell)
			.update();
		jdbc.sql("""
				insert into party_member_move (unit_code, member_id, from_cell_id, to_cell_id, from_name, to_name, moved_on, moved_by)
				select ?, ?, f.id, t.id, f.name, t.name, ?, ? from party_cell f, party_cell t where f.id = ? and t.id = ?""")
			.params(unitCode, memberId, on, by, fromCell, toCell).update();
	}

	/** The member's moves between cells, oldest first (the cells' names at the time). */
	List<PartyViews.Move> moves(long memberId) {
		return jdbc.sql("select moved_on, from_name, to_name from party_member_move where member_id = ? order by id")
			.param(memberId)
			.query((rs, n) -> new PartyViews.Move(rs.getObject(1, java.time.LocalDate.class), rs.getString(2), rs.getString(3))).list();
	}

	/** Active members of a cell with how to reach them (for reminders; never shown). */
	List<Reachable> reachable(long cellId, boolean secretariesOnly) {
		return jdbc.sql("""
				select id, unit_code, full_name, official_username, citizen_id, phone from party_member
				where cell_id = ? and active and (not ? or secretary) order by id""")
			.params(cellId, secretariesOnly)
			.query((rs, n) -> new Reachable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
					rs.getString(6)))
			.list();
	}

	/** A member to remind: an official's username or a citizen's id, and the phone on their party record. */
	record Reachable(long id, String unitCode, String fullName, @Nullable String username, @Nullable Long citizenId, @Nullable String phone) {
	}
}
