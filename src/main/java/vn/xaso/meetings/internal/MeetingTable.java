package vn.xaso.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.Meeting;

/** SQL for {@code meeting} and its remote rooms {@code meeting_room}. State changes are decided by {@link MeetingRecord}. */
@Component
class MeetingTable {

	private static final String COLUMNS = "id, unit_code, kind, title, starts_at, place, chair, chair_name, secretary, secretary_name, "
			+ "status, invitation_document_id, invitation_number, created_by";

	/** A new meeting's fields, checked. */
	record NewMeeting(String unitCode, Meeting.Kind kind, String title, Instant startsAt, String place, String chair,
			String chairName, String secretary, String secretaryName, String createdBy) {
	}

	private final JdbcClient jdbc;

	MeetingTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Meeting map(ResultSet rs, int row) throws SQLException {
		return new Meeting(rs.getLong("id"), rs.getString("unit_code"), Meeting.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("place"), rs.getString("chair"), rs.getString("chair_name"),
				rs.getString("secretary"), rs.getString("secretary_name"), Meeting.Status.valueOf(rs.getString("status")),
				(Long) rs.getObject("invitation_document_id"), rs.getString("invitation_number"), rs.getString("created_by"));
	}

	long insert(NewMeeting m) {
		return jdbc.sql("""
				insert into meeting (unit_code, kind, title, starts_at, place, chair, chair_name, secretary, secretary_name, status, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?) returning id""")
			.params(m.unitCode(), m.kind().name(), m.title(), Timestamp.from(m.startsAt()), m.place(), m.chair(), m.chairName(),
					m.secretary(), m.secretaryName(), m.createdBy())
			.query(Long.class).single();
	}

	Optional<Meeting> find(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from meeting where unit_code = ? and id = ?").params(unitCode, id)
			.query(MeetingTable::map).optional();
	}

	Optional<Meeting> lock(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + " from meeting where unit_code = ? and id = ? for update").params(unitCode, id)
			.query(MeetingTable::map).optional();
	}

	/** All meetings of the unit (organisers), newest first. */
	List<Meeting> all(String unitCode, int limit) {
		return jdbc.sql("select " + COLUMNS + " from meeting where unit_code = ? order by starts_at desc, id desc limit ?")
			.params(unitCode, limit).query(MeetingTable::map).list();
	}

	/** The meetings the official is invited to, newest first; {@code openOnly}: not closed yet, soonest first. */
	List<Meeting> of(String unitCode, String username, boolean openOnly, int limit) {
		return jdbc.sql("select " + COLUMNS + " from meeting m where unit_code = :unit and status <> 'DRAFT'"
				+ " and exists (select 1 from meeting_invitee i where i.meeting_id = m.id and i.username = :user)"
				+ (openOnly ? " and status <> 'CLOSED' order by starts_at, id" : " order by starts_at desc, id desc") + " limit :limit")
			.param("unit", unitCode).param("user", username).param("limit", limit).query(MeetingTable::map).list();
	}

	/** Writes the state the aggregate decided, with the time of the new state. */
	void save(MeetingRecord record, Instant now) {
		var column = switch (record.status()) {
			case INVITED -> "invited_at";
			case OPEN -> "opened_at";
			case CLOSED -> "closed_at";
			case DRAFT -> "created_at";
		};
		jdbc.sql("update meeting set status = ?, " + column + " = ? where id = ?")
			.params(record.status().name(), Timestamp.from(now), record.meeting().id()).update();
	}

	void invitationDocument(long id, @Nullable Long documentId) {
		jdbc.sql("update meeting set invitation_document_id = ? where id = ?").params(documentId, id).update();
	}

	/** The released Giấy mời's number and symbol (e.g. 05/GM-UBND). */
	void invitationNumber(long id, String numberSymbol) {
		jdbc.sql("update meeting set invitation_number = ? where id = ?").params(numberSymbol, id).update();
	}

	/** Adds a remote room; false when the meeting already has a room of that name. */
	boolean addRoom(String unitCode, long meetingId, String name, String videoUrl) {
		return jdbc.sql("""
				insert into meeting_room (unit_code, meeting_id, name, video_url) values (?, ?, ?, ?)
				on conflict (meeting_id, xaso_fold(name)) do nothing""")
			.params(unitCode, meetingId, name, videoUrl).update() == 1;
	}

	List<Meeting.Room> rooms(long meetingId) {
		return jdbc.sql("select id, name, video_url from meeting_room where meeting_id = ? order by id").param(meetingId)
			.query((rs, n) -> new Meeting.Room(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}
	/** The agenda item taken up now (the room display follows it); null: none yet. */
	void current(long id, long itemId) {
		jdbc.sql("update meeting set current_item_id = ? where id = ?").params(itemId, id).update();
	}

	Optional<Long> currentItem(long id) {
		return jdbc.sql("select current_item_id from meeting where id = ? and current_item_id is not null").param(id).query(Long.class).optional();
	}

	/** The secret of the room display's link (shown to whoever runs the meeting). */
	String displayToken(long id) {
		return jdbc.sql("select display_token from meeting where id = ?").param(id).query(String.class).single();
	}

	/** The meeting whose room display link this is, in the unit. */
	Optional<Meeting> byDisplayToken(String unitCode, String token) {
		return jdbc.sql("select " + COLUMNS + " from meeting where unit_code = ? and display_token = ?").params(unitCode, token)
			.query(MeetingTable::map).optional();
	}
}
