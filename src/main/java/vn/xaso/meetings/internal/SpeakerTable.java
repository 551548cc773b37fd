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

/** SQL for {@code meeting_speaker}: the speakers' queue per agenda item, their turns and the opinions recorded. */
@Component
class SpeakerTable {

	private static final String COLUMNS = "id, item_id, username, full_name, status, limit_seconds, requested_at, started_at, ended_at, opinion";

	private final JdbcClient jdbc;

	SpeakerTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static HearingSpeakers.Speaker map(ResultSet rs, int row) throws SQLException {
		return new HearingSpeakers.Speaker(rs.getLong("id"), rs.getLong("item_id"), rs.getString("username"), rs.getString("full_name"),
				HearingSpeakers.Turn.valueOf(rs.getString("status")), rs.getInt("limit_seconds"), rs.getTimestamp("requested_at").toInstant(),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")), rs.getString("opinion"));
	}

	/** Queues the member on the item; false when they are already waiting or speaking on it. */
	boolean request(String unitCode, long meetingId, long itemId, String username, String fullName, int limitSeconds, Instant now) {
		return jdbc.sql("""
				insert into meeting_speaker (unit_code, meeting_id, item_id, username, full_name, status, limit_seconds, requested_at)
				values (?, ?, ?, ?, ?, 'WAITING', ?, ?) on conflict (item_id, username) where status in ('WAITING', 'SPEAKING') do nothing""")
			.params(unitCode, meetingId, itemId, username, fullName, limitSeconds, Timestamp.from(now)).update() == 1;
	}

	/** The meeting's speakers, per item in the order they asked. */
	List<HearingSpeakers.Speaker> ofMeeting(long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_speaker where meeting_id = ? order by item_id, requested_at, id").param(meetingId)
			.query(SpeakerTable::map).list();
	}

	/** Whoever has the floor in the meeting now. */
	Optional<HearingSpeakers.Speaker> speaking(long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_speaker where meeting_id = ? and status = 'SPEAKING'").param(meetingId)
			.query(SpeakerTable::map).optional();
	}

	/** The first member waiting on the item. */
	Optional<HearingSpeakers.Speaker> nextWaiting(long meetingId, long itemId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_speaker where meeting_id = ? and item_id = ? and status = 'WAITING'"
				+ " order by requested_at, id limit 1").params(meetingId, itemId).query(SpeakerTable::map).optional();
	}

	Optional<HearingSpeakers.Speaker> find(long meetingId, long speakerId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_speaker where meeting_id = ? and id = ?").params(meetingId, speakerId)
			.query(SpeakerTable::map).optional();
	}

	void start(long speakerId, Instant now) {
		jdbc.sql("update meeting_speaker set status = 'SPEAKING', started_at = ? where id = ? and status = 'WAITING'")
			.params(Timestamp.from(now), speakerId).update();
	}

	void end(long speakerId, @Nullable String opinion, Instant now) {
		jdbc.sql("update meeting_speaker set status = 'DONE', ended_at = ?, opinion = ? where id = ? and status = 'SPEAKING'")
			.params(Timestamp.from(now), opinion, speakerId).update();
	}
}
