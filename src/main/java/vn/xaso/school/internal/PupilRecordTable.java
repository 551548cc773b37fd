package vn.xaso.school.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.school.internal.SchoolViews.*;

/**
 * The only SQL of a pupil's school record: school_attendance (a day's mark other than present) and school_result
 * (term results as the school entered them). A parent's reads name one pupil.
 */
@Component
class PupilRecordTable {

	private final JdbcClient jdbc;

	PupilRecordTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Mark> marksOfClass(long classId, LocalDate day) {
		return jdbc.sql("""
				select a.*, p.full_name from school_attendance a join school_pupil p on p.id = a.pupil_id
				where a.class_id = ? and a.day = ? order by p.full_name""").params(classId, day).query(PupilRecordTable::mark).list();
	}

	List<Mark> marksOfPupil(long pupilId, LocalDate since) {
		return jdbc.sql("""
				select a.*, p.full_name from school_attendance a join school_pupil p on p.id = a.pupil_id
				where a.pupil_id = ? and a.day >= ? order by a.day desc""").params(pupilId, since).query(PupilRecordTable::mark).list();
	}

	/** The pupil's mark of the day, locked (one change after another). */
	Optional<Mark> lock(long pupilId, LocalDate day) {
		return jdbc.sql("""
				select a.*, p.full_name from school_attendance a join school_pupil p on p.id = a.pupil_id
				where a.pupil_id = ? and a.day = ? for update of a""").params(pupilId, day).query(PupilRecordTable::mark).optional();
	}

	void put(String unitCode, long classId, long pupilId, LocalDate day, String status, String reason, Instant arrivedAt, String by) {
		jdbc.sql("""
				insert into school_attendance (unit_code, class_id, pupil_id, day, status, reason, arrived_at, marked_by) values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (pupil_id, day) do update set status = excluded.status, reason = excluded.reason,
				  arrived_at = coalesce(excluded.arrived_at, school_attendance.arrived_at), marked_by = excluded.marked_by, marked_at = now()""")
			.params(unitCode, classId, pupilId, day, status, reason, arrivedAt == null ? null : Timestamp.from(arrivedAt), by).update();
	}

	void clear(long pupilId, LocalDate day) {
		jdbc.sql("delete from school_attendance where pupil_id = ? and day = ?").params(pupilId, day).update();
	}

	void putResult(String unitCode, long classId, long pupilId, String term, String subject, String result, String comment, String by) {
		jdbc.sql("""
				insert into school_result (unit_code, class_id, pupil_id, term, subject, result, comment, entered_by) values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (pupil_id, term, xaso_fold(subject)) do update set result = excluded.result, comment = excluded.comment,
				  entered_by = excluded.entered_by, entered_at = now()""")
			.params(unitCode, classId, pupilId, term, subject, result, comment, by).update();
	}

	List<Result> resultsOfClass(long classId, String term) {
		return jdbc.sql("""
				select r.*, p.full_name from school_result r join school_pupil p on p.id = r.pupil_id
				where r.class_id = ? and r.term = ? order by r.subject, p.full_name""").params(classId, term).query(PupilRecordTable::result).list();
	}

	List<String> termsOfClass(long classId) {
		return jdbc.sql("select distinct term from school_result where class_id = ? order by 1").param(classId).query(String.class).list();
	}

	List<Result> resultsOfPupil(long pupilId) {
		return jdbc.sql("""
				select r.*, p.full_name from school_result r join school_pupil p on p.id = r.pupil_id
				where r.pupil_id = ? order by r.term, r.subject""").param(pupilId).query(PupilRecordTable::result).list();
	}

	private static Mark mark(ResultSet rs, int n) throws SQLException {
		var arrived = rs.getTimestamp("arrived_at");
		return new Mark(rs.getLong("pupil_id"), rs.getString("full_name"), rs.getObject("day", LocalDate.class), rs.getString("status"),
				rs.getString("reason"), arrived == null ? null : arrived.toInstant());
	}

	private static Result result(ResultSet rs, int n) throws SQLException {
		return new Result(rs.getLong("pupil_id"), rs.getString("full_name"), rs.getString("term"), rs.getString("subject"),
				rs.getString("result"), rs.getString("comment"));
	}
}
