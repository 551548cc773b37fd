package vn.xaso.meetings.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.Meeting;

/** SQL for {@code meeting_invitee}: invitees, their replies, their personal check-in tokens and attendance. */
@Component
class InviteeTable {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String COLUMNS = "username, full_name, reply, absent_reason, delegate_name, delegate_position, present, "
			+ "present_by_delegate, checked_in_at, checked_in_by";

	/** An invitee found by their check-in token. */
	record Token(long meetingId, String username) {
	}

	private final JdbcClient jdbc;

	InviteeTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Meeting.Invitee map(ResultSet rs, int row) throws SQLException {
		var at = rs.getTimestamp("checked_in_at");
		return new Meeting.Invitee(rs.getString("username"), rs.getString("full_name"), Meeting.Reply.valueOf(rs.getString("reply")),
				rs.getString("absent_reason"), rs.getString("delegate_name"), rs.getString("delegate_position"), rs.getBoolean("present"),
				rs.getBoolean("present_by_delegate"), at == null ? null : at.toInstant(), rs.getString("checked_in_by"));
	}

	/** Invites an official (once: a repeat changes nothing). */
	void invite(String unitCode, long meetingId, String username, String fullName) {
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into meeting_invitee (unit_code, meeting_id, username, full_name, checkin_token) values (?, ?, ?, ?, ?)
				on conflict (meeting_id, username) do nothing""")
			.params(unitCode, meetingId, username, fullName, token).update();
	}

	List<Meeting.Invitee> list(long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_invitee where meeting_id = ? order by full_name, username").param(meetingId)
			.query(InviteeTable::map).list();
	}

	Optional<Meeting.Invitee> find(long meetingId, String username) {
		return jdbc.sql("select " + COLUMNS + " from meeting_invitee where meeting_id = ? and username = ?").params(meetingId, username)
			.query(InviteeTable::map).optional();
	}

	boolean invited(long meetingId, String username) {
		return find(meetingId, username).isPresent();
	}

	/** The invitee's own check-in token (never shown to anyone else). */
	Optional<String> token(long meetingId, String username) {
		return jdbc.sql("select checkin_token from meeting_invitee where meeting_id = ? and username = ?").params(meetingId, username)
			.query(String.class).optional();
	}

	Optional<Token> byToken(String unitCode, String token) {
		return jdbc.sql("select meeting_id, username from meeting_invitee where unit_code = ? and checkin_token = ?").params(unitCode, token)
			.query((rs, n) -> new Token(rs.getLong(1), rs.getString(2))).optional();
	}

	/** The reply as checked: a reason only when absent, a delegate's name and position only when sending one. */
	record Answer(Meeting.Reply reply, @Nullable String reason, @Nullable String delegateName, @Nullable String delegatePosition) {
	}

	void reply(long meetingId, String username, Answer a, Instant now) {
		jdbc.sql("""
				update meeting_invitee set reply = ?, absent_reason = ?, delegate_name = ?, delegate_position = ?, replied_at = ?
				where meeting_id = ? and username = ?""")
			.params(a.reply().name(), a.reason(), a.delegateName(), a.delegatePosition(), Timestamp.from(now), meetingId, username).update();
	}

	/**
	 * Marks present (or not) — {@code byDelegate}: the delegate came in the invitee's place; false when nothing changed
	 * (already so).
	 */
	boolean attendance(long meetingId, String username, boolean present, boolean byDelegate, String by, Instant now) {
		return jdbc.sql("""
				update meeting_invitee set present = ?, present_by_delegate = ?, checked_in_at = ?, checked_in_by = ?
				where meeting_id = ? and username = ? and (present <> ? or present_by_delegate <> ?)""")
			.params(present, present && byDelegate, present ? Timestamp.from(now) : null, present ? by : null, meetingId, username, present,
					present && byDelegate)
			.update() == 1;
	}

	int present(long meetingId) {
		return jdbc.sql("select count(*) from meeting_invitee where meeting_id = ? and present").param(meetingId).query(Integer.class).single();
	}

	int members(long meetingId) {
		return jdbc.sql("select count(*) from meeting_invitee where meeting_id = ?").param(meetingId).query(Integer.class).single();
	}
}
