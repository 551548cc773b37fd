package vn.xaso.party.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only SQL of cell meetings: {@code party_meeting}, its materials {@code party_material} and {@code party_attendance}. */
@Component
class CellMeetingTable {

	private static final String COLUMNS = "id, cell_id, kind, title, starts_at, place, agenda";

	record NewMeeting(String unitCode, long cellId, PartyViews.MeetingKind kind, String title, Instant startsAt, String place, String agenda,
			String by) {
	}

	private final JdbcClient jdbc;

	CellMeetingTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewMeeting m) {
		return jdbc.sql("""
				insert into party_meeting (unit_code, cell_id, kind, title, starts_at, place, agenda, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(m.unitCode(), m.cellId(), m.kind().name(), m.title(), Timestamp.from(m.startsAt()), m.place(), m.agenda(), m.by())
			.query(Long.class).single();
	}

	Optional<PartyViews.Meeting> find(String unitCode, long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from party_meeting where unit_code = ? and id = ?").params(unitCode, meetingId)
			.query(CellMeetingTable::meeting).optional();
	}

	List<PartyViews.Meeting> ofCell(long cellId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from party_meeting where cell_id = ? order by starts_at desc limit ?").params(cellId, limit)
			.query(CellMeetingTable::meeting).list();
	}

	/** Meetings from {@code from} on, soonest first: of one cell, or of every cell of the unit ({@code cellId} null). */
	List<PartyViews.Meeting> upcoming(String unitCode, @Nullable Long cellId, Instant from, int limit) {
		return jdbc.sql("select " + COLUMNS + " from party_meeting where unit_code = ? and (?::bigint is null or cell_id = ?)"
				+ " and starts_at >= ? order by starts_at limit ?")
			.params(unitCode, cellId, cellId, Timestamp.from(from), limit).query(CellMeetingTable::meeting).list();
	}

	private static PartyViews.Meeting meeting(ResultSet rs, int n) throws SQLException {
		return new PartyViews.Meeting(rs.getLong("id"), rs.getLong("cell_id"), PartyViews.MeetingKind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getString("agenda"));
	}

	long addFile(String unitCode, long cellId, long meetingId, String title, int pages, byte[] pdf, String by) {
		return jdbc.sql("""
				insert into party_material (unit_code, cell_id, meeting_id, title, pages, content, added_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, cellId, meetingId, title, pages, pdf, by).query(Long.class).single();
	}

	List<PartyViews.File> files(long meetingId) {
		return jdbc.sql("select id, title, pages from party_material where meeting_id = ? order by id").param(meetingId)
			.query((rs, n) -> new PartyViews.File(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
	}

	Optional<PartyViews.Content> file(long meetingId, long fileId) {
		return jdbc.sql("select title, content from party_material where meeting_id = ? and id = ?").params(meetingId, fileId)
			.query((rs, n) -> new PartyViews.Content(rs.getString(1), rs.getBytes(2))).optional();
	}

	/** Every active member of the meeting's cell with their mark (null while not marked). */
	List<PartyViews.Attendance> attendance(long meetingId, long cellId) {
		return jdbc.sql("""
				select m.id, m.full_name, a.present, a.reason from party_member m
				left join party_attendance a on a.member_id = m.id and a.meeting_id = ?
				where m.cell_id = ? and m.active order by m.full_name, m.id""")
			.params(meetingId, cellId)
			.query((rs, n) -> new PartyViews.Attendance(rs.getLong(1), rs.getString(2), (Boolean) rs.getObject(3), rs.getString(4)))
			.list();
	}

	/** Marks a member present or absent (again: the last mark counts). */
	void mark(String unitCode, long cellId, long meetingId, long memberId, boolean present, @Nullable String reason, String by) {
		jdbc.sql("""
				insert into party_attendance (unit_code, cell_id, meeting_id, member_id, present, reason, marked_by) values (?, ?, ?, ?, ?, ?, ?)
				on conflict (meeting_id, member_id) do update set present = excluded.present, reason = excluded.reason,
				  marked_by = excluded.marked_by, marked_at = now()""")
			.params(unitCode, cellId, meetingId, memberId, present, reason, by).update();
	}

	/** Meetings starting in [from, to) in every visible unit (the reminders' all-cells scope), with their unit. */
	List<Due> startingBetween(Instant from, Instant to) {
		return jdbc.sql("select unit_code, " + COLUMNS + " from party_meeting where starts_at >= ? and starts_at < ? order by id")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Due(rs.getString("unit_code"), meeting(rs, n))).list();
	}

	/** A meeting with its commune. */
	record Due(String unitCode, PartyViews.Meeting meeting) {
	}

	/** Cells (id, unit) with no MONTHLY meeting starting in [from, to). */
	List<Due> cellsWithoutMonthly(Instant from, Instant to) {
		return jdbc.sql("""
				select c.unit_code, c.id from party_cell c where not exists (select 1 from party_meeting m where m.cell_id = c.id
				and m.kind = 'MONTHLY' and m.starts_at >= ? and m.starts_at < ?) order by c.id""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Due(rs.getString(1), new PartyViews.Meeting(0, rs.getLong(2), PartyViews.MeetingKind.MONTHLY, "", from, "", "")))
			.list();
	}

	/** Records a reminder as sent; false when it was already (another run, another replica). */
	boolean reminded(String unitCode, long cellId, String key) {
		return jdbc.sql("insert into party_reminder (unit_code, cell_id, key) values (?, ?, ?) on conflict do nothing")
			.params(unitCode, cellId, key).update() == 1;
	}
}
