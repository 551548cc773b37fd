package vn.xaso.meetings.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.MeetingTask;

/** SQL for {@code meeting_task}: tasks from meeting conclusions. */
@Component
class TaskTable {

	private static final String COLUMNS = "t.id, t.meeting_id, m.title as meeting_title, t.item_id, t.assignee, t.assignee_name, t.text, "
			+ "t.deadline, t.status, t.done_at, t.done_note, t.created_by";

	/** A new task's fields, checked. */
	record NewTask(String unitCode, long meetingId, long itemId, String assignee, String assigneeName, String text, LocalDate deadline,
			String createdBy) {
	}

	private final JdbcClient jdbc;

	TaskTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static MeetingTask map(ResultSet rs, int row) throws SQLException {
		var done = rs.getTimestamp("done_at");
		return new MeetingTask(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("meeting_title"), rs.getLong("item_id"),
				rs.getString("assignee"), rs.getString("assignee_name"), rs.getString("text"), rs.getObject("deadline", LocalDate.class),
				"DONE".equals(rs.getString("status")), done == null ? null : done.toInstant(), rs.getString("done_note"),
				rs.getString("created_by"));
	}

	long insert(NewTask t) {
		return jdbc.sql("""
				insert into meeting_task (unit_code, meeting_id, item_id, assignee, assignee_name, text, deadline, status, created_by)
				values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) returning id""")
			.params(t.unitCode(), t.meetingId(), t.itemId(), t.assignee(), t.assigneeName(), t.text(), Date.valueOf(t.deadline()),
					t.createdBy())
			.query(Long.class).single();
	}

	/** The official's tasks: open ones first by deadline, then the done ones (latest first). */
	List<MeetingTask> of(String unitCode, String username, boolean openOnly, int limit) {
		return jdbc.sql("select " + COLUMNS + " from meeting_task t join meeting m on m.id = t.meeting_id"
				+ " where t.unit_code = ? and t.assignee = ?" + (openOnly ? " and t.status = 'OPEN'" : "")
				+ " order by t.status desc, case when t.status = 'OPEN' then t.deadline end, t.done_at desc, t.id limit ?")
			.params(unitCode, username, limit).query(TaskTable::map).list();
	}

	List<MeetingTask> ofMeeting(long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_task t join meeting m on m.id = t.meeting_id where t.meeting_id = ? order by t.id")
			.param(meetingId).query(TaskTable::map).list();
	}

	Optional<MeetingTask> lockOf(String unitCode, String username, long id) {
		jdbc.sql("select 1 from meeting_task where unit_code = ? and assignee = ? and id = ? for update").params(unitCode, username, id)
			.query(Integer.class).optional();
		return jdbc.sql("select " + COLUMNS + " from meeting_task t join meeting m on m.id = t.meeting_id"
				+ " where t.unit_code = ? and t.assignee = ? and t.id = ?").params(unitCode, username, id).query(TaskTable::map).optional();
	}

	void done(long id, @Nullable String note, Instant now) {
		jdbc.sql("update meeting_task set status = 'DONE', done_note = ?, done_at = ? where id = ? and status = 'OPEN'")
			.params(note, Timestamp.from(now), id).update();
	}
}
