package vn.xaso.meetings.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for {@code meeting_minutes}: the minutes' PDF, the secretary's own text, who of the chair and the secretary signed
 * it, and when it was sent to the invitees.
 */
@Component
class MinutesTable {

	/** Where the minutes stand. */
	record Minutes(byte[] pdf, Instant draftedAt, @Nullable Instant chairSignedAt, @Nullable Instant secretarySignedAt,
			@Nullable String notes, @Nullable Instant publishedAt) {

		boolean signedByAnyone() {
			return chairSignedAt != null || secretarySignedAt != null;
		}

		boolean complete() {
			return chairSignedAt != null && secretarySignedAt != null;
		}
	}

	private final JdbcClient jdbc;

	MinutesTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	Optional<Minutes> find(long meetingId) {
		return jdbc.sql("""
				select pdf, drafted_at, chair_signed_at, secretary_signed_at, notes, published_at from meeting_minutes where meeting_id = ?""")
			.param(meetingId)
			.query((rs, n) -> new Minutes(rs.getBytes(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
					rs.getString(5), instant(rs.getTimestamp(6))))
			.optional();
	}

	Optional<Minutes> lock(long meetingId) {
		jdbc.sql("select 1 from meeting_minutes where meeting_id = ? for update").param(meetingId).query(Integer.class).optional();
		return find(meetingId);
	}

	/** Writes a new draft (only while nobody signed: the caller checks under the lock). */
	void draft(String unitCode, long meetingId, byte[] pdf, String by, Instant now) {
		jdbc.sql("""
				insert into meeting_minutes (meeting_id, unit_code, pdf, drafted_by, drafted_at) values (?, ?, ?, ?, ?)
				on conflict (meeting_id) do update set pdf = excluded.pdf, drafted_by = excluded.drafted_by, drafted_at = excluded.drafted_at""")
			.params(meetingId, unitCode, pdf, by, Timestamp.from(now)).update();
	}

	/** The secretary's text and the minutes redrafted with it (only while nobody signed: the caller checks under the lock). */
	void notes(long meetingId, @Nullable String notes, byte[] pdf, String by, Instant now) {
		jdbc.sql("update meeting_minutes set notes = ?, pdf = ?, drafted_by = ?, drafted_at = ? where meeting_id = ?")
			.params(notes, pdf, by, Timestamp.from(now), meetingId).update();
	}

	/** Marks the signed minutes as sent to the invitees; false when they already were. */
	boolean published(long meetingId, Instant now) {
		return jdbc.sql("update meeting_minutes set published_at = ? where meeting_id = ? and published_at is null")
			.params(Timestamp.from(now), meetingId).update() == 1;
	}

	void signed(long meetingId, byte[] pdf, boolean chair, Instant now) {
		jdbc.sql("update meeting_minutes set pdf = ?, " + (chair ? "chair_signed_at" : "secretary_signed_at") + " = ? where meeting_id = ?")
			.params(pdf, Timestamp.from(now), meetingId).update();
	}
	/** Keeps a new version of the text (versions are only ever added). */
	void addVersion(String unitCode, long meetingId, String body, boolean rewritten, String by, Instant now) {
		jdbc.sql("""
				insert into meeting_minutes_version (meeting_id, version, unit_code, body, rewritten, written_by, written_at)
				values (?, (select coalesce(max(version), 0) + 1 from meeting_minutes_version where meeting_id = ?), ?, ?, ?, ?, ?)""")
			.params(meetingId, meetingId, unitCode, body, rewritten, by, Timestamp.from(now)).update();
	}

	/** The versions, newest first. */
	java.util.List<WritingMinutes.Version> versions(long meetingId) {
		return jdbc.sql("""
				select version, rewritten, body, written_by, written_at from meeting_minutes_version where meeting_id = ? order by version desc""")
			.param(meetingId)
			.query((rs, n) -> new WritingMinutes.Version(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** The minutes' PDF made again from a rewritten text (only while nobody signed: the caller checks under the lock). */
	void pdf(long meetingId, byte[] pdf, String by, Instant now) {
		jdbc.sql("update meeting_minutes set pdf = ?, drafted_by = ?, drafted_at = ? where meeting_id = ?")
			.params(pdf, by, Timestamp.from(now), meetingId).update();
	}
}
