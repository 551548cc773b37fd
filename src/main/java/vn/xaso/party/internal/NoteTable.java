package vn.xaso.party.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only SQL of {@code party_note}: a member's private notes (row-level security: the member's own only). */
@Component
class NoteTable {

	private final JdbcClient jdbc;

	NoteTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, long memberId, @Nullable Long meetingId, String body) {
		return jdbc.sql("insert into party_note (unit_code, member_id, meeting_id, body) values (?, ?, ?, ?) returning id")
			.params(unitCode, memberId, meetingId, body).query(Long.class).single();
	}

	/** The member's notes, newest first: all, or those about one meeting. */
	List<PartyViews.Note> of(long memberId, @Nullable Long meetingId, int limit) {
		return jdbc.sql("""
				select id, meeting_id, body, written_at from party_note where member_id = ? and (?::bigint is null or meeting_id = ?)
				order by written_at desc, id desc limit ?""")
			.params(memberId, meetingId, meetingId, limit)
			.query((rs, n) -> new PartyViews.Note(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}
}
