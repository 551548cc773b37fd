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

/** SQL for {@code meeting_task} (tasks from meeting conclusions) and their progress reports {@code meeting_task_progress}. */
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

	/** The assignee's own task (anyone else's: empty). */
	Optional<MeetingTask> ofAssignee(String unitCode, String username, long id) {
		return jdbc.sql("select " + COLUMNS + " from meeting_task t join meeting m on m.id = t.meeting_id"
				+ " where t.unit_code = ? and t.assignee = ? and t.id = ?").params(unitCode, username, id).query(TaskTable::map).optional();
	}

	void progress(String unitCode, long taskId, String note, String by, Instant now) {
		jdbc.sql("insert into meeting_task_progress (unit_code, task_id, note, reported_by, reported_at) values (?, ?, ?, ?, ?)")
			.params(unitCode, taskId, note, by, Timestamp.from(now)).update();
	}

	/** The task's progress reports, oldest first. */
	List<AssigningTasks.Progress> progressOf(long taskId) {
		return jdbc.sql("select note, reported_at from meeting_task_progress where task_id = ? order by id").param(taskId)
			.query((rs, n) -> new AssigningTasks.Progress(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
	}

	/**
	 * Per person of the unit: tasks open, open past their deadline on {@code today}, done on time and done late (the day
	 * it was reported done, in Vietnam, against the deadline); most overdue first.
	 */
	List<AssigningTasks.PersonLoad> perPerson(String unitCode, LocalDate today) {
		return jdbc.sql("""
				select t.assignee, max(t.assignee_name) as name,
				  count(*) filter (where t.status = 'OPEN') as open,
				  count(*) filter (where t.status = 'OPEN' and t.deadline < :today) as overdue,
				  count(*) filter (where t.status = 'DONE' and (t.done_at at time zone 'Asia/Ho_Chi_Minh')::date <= t.deadline) as on_time,
				  count(*) filter (where t.status = 'DONE' and (t.done_at at time zone 'Asia/Ho_Chi_Minh')::date > t.deadline) as late
				from meeting_task t where t.unit_code = :unit
				group by t.assignee order by overdue desc, open desc, name, t.assignee""")
			.param("today", Date.valueOf(today)).param("unit", unitCode)
			.query((rs, n) -> new AssigningTasks.PersonLoad(rs.getString("assignee"), rs.getString("name"), rs.getInt("open"),
					rs.getInt("overdue"), rs.getInt("on_time"), rs.getInt("late")))
			.list();
	}

	/** The unit's open tasks past their deadline on {@code today}, the oldest deadline first. */
	List<MeetingTask> overdue(String unitCode, LocalDate today, int limit) {
		return jdbc.sql("select " + COLUMNS + " from meeting_task t join meeting m on m.id = t.meeting_id"
				+ " where t.unit_code = ? and t.status = 'OPEN' and t.deadline < ? order by t.deadline, t.id limit ?")
			.params(unitCode, Date.valueOf(today), limit).query(TaskTable::map).list();
	}

	void done(long id, @Nullable String note, Instant now) {
		jdbc.sql("update meeting_task set status = 'DONE', done_note = ?, done_at = ? where id = ? and status = 'OPEN'")
			.params(note, Timestamp.from(now), id).update();
	}
}
