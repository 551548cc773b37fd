package vn.xaso.school.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.school.internal.SchoolViews.*;

/**
 * The only SQL of school_note and school_reply. A parent's reads name one pupil: the class's notes to everyone, the
 * notes to that pupil, and the replies about that pupil — never another pupil's.
 */
@Component
class ContactBookTable {



	private final JdbcClient jdbc;

	ContactBookTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertNote(String unitCode, long classId, @Nullable Long pupilId, String author, String authorName, String body) {
		return jdbc.sql("""
				insert into school_note (unit_code, class_id, pupil_id, author, author_name, body)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, classId, pupilId, author, authorName, body).query(Long.class).single();
	}

	long insertReply(String unitCode, long noteId, long pupilId, long citizenId, String body) {
		return jdbc.sql("insert into school_reply (unit_code, note_id, pupil_id, citizen_id, body) values (?, ?, ?, ?, ?) returning id")
			.params(unitCode, noteId, pupilId, citizenId, body).query(Long.class).single();
	}

	/**
	 * The parent opened the book: the notes they may read (to the class or to this pupil) not read before are marked
	 * read now; answers the Vietnam day of each newly marked note.
	 */
	List<java.time.LocalDate> markRead(String unitCode, long classId, long pupilId) {
		return jdbc.sql("""
				insert into school_note_read (note_id, pupil_id, unit_code)
				select n.id, ?, ? from school_note n where n.class_id = ? and (n.pupil_id is null or n.pupil_id = ?)
				on conflict do nothing returning (read_at at time zone 'Asia/Ho_Chi_Minh')::date""")
			.params(pupilId, unitCode, classId, pupilId).query(java.time.LocalDate.class).list();
	}

	/** Whether the note is one the pupil's parent may read (to the class, or to this pupil). */
	boolean readableFor(long noteId, long classId, long pupilId) {
		return jdbc.sql("select exists (select 1 from school_note where id = ? and class_id = ? and (pupil_id is null or pupil_id = ?))")
			.params(noteId, classId, pupilId).query(Boolean.class).single();
	}

	/** Notes written since {@code since} that this parent may read (to a child's class, or to the child). */
	long notesForParentSince(String phone, java.time.Instant since) {
		return jdbc.sql("""
				select count(distinct n.id) from school_note n join school_pupil p on p.class_id = n.class_id and (n.pupil_id is null or n.pupil_id = p.id)
				where p.parent_phone = ? and n.written_at >= ?""").params(phone, java.sql.Timestamp.from(since)).query(Long.class).single();
	}

	List<Note> forPupil(long classId, long pupilId) {
		return jdbc.sql("""
				select n.*, p.full_name as pupil_name from school_note n left join school_pupil p on p.id = n.pupil_id
				where n.class_id = ? and (n.pupil_id is null or n.pupil_id = ?) order by n.written_at desc, n.id desc limit 200""")
			.params(classId, pupilId).query(ContactBookTable::note).list();
	}

	List<Note> ofClass(long classId) {
		return jdbc.sql("""
				select n.*, p.full_name as pupil_name from school_note n left join school_pupil p on p.id = n.pupil_id
				where n.class_id = ? order by n.written_at desc, n.id desc limit 200""")
			.param(classId).query(ContactBookTable::note).list();
	}

	List<Reply> repliesForPupil(long pupilId) {
		return jdbc.sql("""
				select r.*, p.full_name as pupil_name from school_reply r join school_pupil p on p.id = r.pupil_id
				where r.pupil_id = ? order by r.id""").param(pupilId).query(ContactBookTable::reply).list();
	}

	List<Reply> repliesOfClass(long classId) {
		return jdbc.sql("""
				select r.*, p.full_name as pupil_name from school_reply r join school_pupil p on p.id = r.pupil_id
				where p.class_id = ? order by r.id""").param(classId).query(ContactBookTable::reply).list();
	}

	private static Note note(ResultSet rs, int n) throws SQLException {
		var pupil = rs.getLong("pupil_id");
		return new Note(rs.getLong("id"), rs.getLong("class_id"), rs.wasNull() ? null : pupil, rs.getString("pupil_name"),
				rs.getString("author_name"), rs.getString("body"), rs.getTimestamp("written_at").toInstant());
	}

	private static Reply reply(ResultSet rs, int n) throws SQLException {
		return new Reply(rs.getLong("id"), rs.getLong("note_id"), rs.getLong("pupil_id"), rs.getString("pupil_name"), rs.getString("body"),
				rs.getTimestamp("written_at").toInstant());
	}
}
