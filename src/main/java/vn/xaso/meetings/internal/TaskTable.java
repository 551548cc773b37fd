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
import vn.xaso.platform.render.JpegPhotos;

/**
 * SQL for {@code meeting_task} (tasks from meeting conclusions or given directly) and their progress reports
 * {@code meeting_task_progress} (with an optional photo).
 */
@Component
class TaskTable {

	private static final String COLUMNS = "t.id, t.meeting_id, m.title as meeting_title, t.item_id, t.assignee, t.assignee_name, t.text, "
			+ "t.deadline, t.status, t.done_at, t.done_note, t.created_by, t.priority, t.details, t.document_id, t.team_id";
	private static final String FROM = " from meeting_task t left join meeting m on m.id = t.meeting_id";
	/** Open tasks first, then by priority (high first) and deadline; done ones latest first. */
	private static final String ORDER = " order by t.status desc, case when t.status = 'OPEN' then case t.priority when 'HIGH' then 0"
			+ " when 'NORMAL' then 1 else 2 end end, case when t.status = 'OPEN' then t.deadline end, t.done_at desc, t.id";

	/** A new task's fields, checked. */
	record NewTask(String unitCode, long meetingId, long itemId, String assignee, String assigneeName, String text, LocalDate deadline,
			String createdBy) {
	}

	/** A task given directly (no meeting), checked. */
	record DirectTask(String unitCode, String assignee, String assigneeName, String title, @Nullable String details, LocalDate deadline,
			String priority, @Nullable Long documentId, String createdBy, ItemTable.@Nullable Conclusion conclusion, @Nullable Long namedTeam) {
	}

	/** The assignee of a task given to a named team: this prefix and the team's id. */
	static final String TEAM = "team:";

	/** The named team's id of a task's assignee ({@code team:<id>}), if it is one. */
	static Optional<Long> teamId(String assignee) {
		return assignee.startsWith(TEAM) && assignee.substring(TEAM.length()).matches("[0-9]{1,18}")
				? Optional.of(Long.parseLong(assignee.substring(TEAM.length()))) : Optional.empty();
	}

	/** The caller's tasks: their own, and their named teams' (positional: the username twice). */
	private static final String MINE = " (t.assignee = ? or t.named_team_id in (select m.team_id from meeting_team_member m where m.username = ?))";

	private final JdbcClient jdbc;

	TaskTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static MeetingTask map(ResultSet rs, int row) throws SQLException {
		var done = rs.getTimestamp("done_at");
		return new MeetingTask(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("meeting_title"), rs.getLong("item_id"),
				rs.getString("assignee"), rs.getString("assignee_name"), rs.getString("text"), rs.getObject("deadline", LocalDate.class),
				"DONE".equals(rs.getString("status")), done == null ? null : done.toInstant(), rs.getString("done_note"),
				rs.getString("created_by"), rs.getString("priority"), rs.getString("details"), rs.getObject("document_id", Long.class),
				rs.getObject("team_id", Long.class));
	}

	long insert(DirectTask t) {
		return jdbc.sql("""
				insert into meeting_task (unit_code, assignee, assignee_name, text, details, deadline, status, priority, document_id, created_by,
				  meeting_id, item_id, named_team_id)
				values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?) returning id""")
			.params(t.unitCode(), t.assignee(), t.assigneeName(), t.title(), t.details(), Date.valueOf(t.deadline()), t.priority(),
					t.documentId(), t.createdBy(), t.conclusion() == null ? null : t.conclusion().meetingId(),
					t.conclusion() == null ? null : t.conclusion().itemId(), t.namedTeam())
			.query(Long.class).single();
	}

	/** Marks the tasks given together as one team's (the team's id: the first task's). */
	void team(List<Long> ids, long teamId) {
		for (var id : ids) {
			jdbc.sql("update meeting_task set team_id = ? where id = ?").params(teamId, id).update();
		}
	}

	/** The other members of a team (by name). */
	List<String> teammates(long teamId, long exceptTaskId) {
		return jdbc.sql("select assignee_name from meeting_task where team_id = ? and id <> ? order by assignee_name")
			.params(teamId, exceptTaskId).query(String.class).list();
	}

	/** Any task of the unit (for its organisers). */
	Optional<MeetingTask> ofUnit(String unitCode, long id) {
		return jdbc.sql("select " + COLUMNS + FROM + " where t.unit_code = ? and t.id = ?").params(unitCode, id).query(TaskTable::map)
			.optional();
	}

	/** Whose tasks a list holds: these assignees, or ({@code except}) everyone but them. */
	record People(List<String> usernames, boolean except) {
	}

	/**
	 * The unit's tasks, optionally of one priority, only the open ones past their deadline on {@code today}, and of
	 * some people only ({@code people} null: everyone's).
	 */
	List<MeetingTask> list(String unitCode, @Nullable String priority, boolean overdueOnly, LocalDate today, @Nullable People people, int limit) {
		if (people != null && people.usernames().isEmpty() && !people.except()) {
			return List.of();
		}
		var who = people == null || people.usernames().isEmpty() ? "" : people.except() ? " and t.assignee <> all(:people)" : " and t.assignee = any(:people)";
		var spec = jdbc.sql("select " + COLUMNS + FROM + " where t.unit_code = :unit and (cast(:priority as text) is null or t.priority = :priority)"
				+ (overdueOnly ? " and t.status = 'OPEN' and t.deadline < :today" : "") + who + ORDER + " limit :limit")
			.param("unit", unitCode).param("priority", priority).param("today", Date.valueOf(today)).param("limit", limit);
		if (people != null && !who.isEmpty()) {
			spec = spec.param("people", people.usernames().toArray(String[]::new));
		}
		return spec.query(TaskTable::map).list();
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
		return jdbc.sql("select " + COLUMNS + FROM + " where t.unit_code = ? and" + MINE + (openOnly ? " and t.status = 'OPEN'" : "")
				+ ORDER + " limit ?")
			.params(unitCode, username, username, limit).query(TaskTable::map).list();
	}

	List<MeetingTask> ofMeeting(long meetingId) {
		return jdbc.sql("select " + COLUMNS + " from meeting_task t join meeting m on m.id = t.meeting_id where t.meeting_id = ? order by t.id")
			.param(meetingId).query(TaskTable::map).list();
	}

	Optional<MeetingTask> lockOf(String unitCode, String username, long id) {
		jdbc.sql("select 1 from meeting_task t where t.unit_code = ? and" + MINE + " and t.id = ? for update").params(unitCode, username, username, id)
			.query(Integer.class).optional();
		return ofAssignee(unitCode, username, id);
	}

	/** The assignee's own task, or their named team's (anyone else's: empty). */
	Optional<MeetingTask> ofAssignee(String unitCode, String username, long id) {
		return jdbc.sql("select " + COLUMNS + FROM
				+ " where t.unit_code = ? and" + MINE + " and t.id = ?").params(unitCode, username, username, id).query(TaskTable::map).optional();
	}

	void progress(String unitCode, long taskId, String note, String by, String byName, Instant now, JpegPhotos.@Nullable Resized photo) {
		jdbc.sql("insert into meeting_task_progress (unit_code, task_id, note, reported_by, reported_by_name, reported_at, photo, thumbnail)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, taskId, note, by, byName, Timestamp.from(now), photo == null ? null : photo.content(),
					photo == null ? null : photo.thumbnail())
			.update();
	}

	/** The task's progress reports, oldest first. */
	List<AssigningTasks.Progress> progressOf(long taskId) {
		return jdbc.sql("select note, reported_at, id, photo is not null, coalesce(reported_by_name, reported_by) from meeting_task_progress"
				+ " where task_id = ? order by id").param(taskId)
			.query((rs, n) -> new AssigningTasks.Progress(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getBoolean(4),
					rs.getString(5)))
			.list();
	}

	/** The members of the named team a task was given to (by name); none for anyone else's task. */
	List<String> namedTeamOf(long taskId) {
		return jdbc.sql("select m.full_name from meeting_task t join meeting_team_member m on m.team_id = t.named_team_id where t.id = ?"
				+ " order by m.full_name").param(taskId).query(String.class).list();
	}

	/** A progress report's photo (or its thumbnail) as JPEG. */
	Optional<byte[]> photo(long taskId, long progressId, boolean thumbnail) {
		return jdbc.sql("select " + (thumbnail ? "thumbnail" : "photo") + " from meeting_task_progress where task_id = ? and id = ?"
				+ " and photo is not null").params(taskId, progressId).query(byte[].class).optional();
	}

	/**
	 * The communes (codes only, read system-wide) with an open task not reminded yet: due on a day in ({@code today},
	 * {@code until}], or past its deadline on {@code today}.
	 */
	List<String> unitsToRemind(LocalDate today, LocalDate until) {
		return jdbc.sql("select distinct unit_code from meeting_task where status = 'OPEN' and ((reminded_due_at is null and deadline > :today"
				+ " and deadline <= :until) or (reminded_overdue_at is null and deadline < :today)) order by unit_code")
			.param("today", Date.valueOf(today)).param("until", Date.valueOf(until)).query(String.class).list();
	}

	/** The commune's open tasks due on a day in ({@code today}, {@code until}] and not reminded yet. */
	List<MeetingTask> dueToRemind(String unitCode, LocalDate today, LocalDate until, int limit) {
		return jdbc.sql("select " + COLUMNS + FROM + " where t.unit_code = ? and t.status = 'OPEN' and t.reminded_due_at is null"
				+ " and t.deadline > ? and t.deadline <= ? order by t.id limit ?")
			.params(unitCode, Date.valueOf(today), Date.valueOf(until), limit).query(TaskTable::map).list();
	}

	/** The commune's open tasks past their deadline on {@code today} whose overdue notice has not gone yet. */
	List<MeetingTask> overdueToRemind(String unitCode, LocalDate today, int limit) {
		return jdbc.sql("select " + COLUMNS + FROM + " where t.unit_code = ? and t.status = 'OPEN' and t.reminded_overdue_at is null"
				+ " and t.deadline < ? order by t.id limit ?").params(unitCode, Date.valueOf(today), limit).query(TaskTable::map).list();
	}

	/** Records a reminder as sent (once: a second call changes nothing); whether this call recorded it. */
	boolean reminded(long id, boolean overdue, Instant now) {
		var column = overdue ? "reminded_overdue_at" : "reminded_due_at";
		return jdbc.sql("update meeting_task set " + column + " = ? where id = ? and " + column + " is null").params(Timestamp.from(now), id)
			.update() == 1;
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
		return jdbc.sql("select " + COLUMNS + FROM
				+ " where t.unit_code = ? and t.status = 'OPEN' and t.deadline < ? order by t.deadline, t.id limit ?")
			.params(unitCode, Date.valueOf(today), limit).query(TaskTable::map).list();
	}

	void done(long id, @Nullable String note, Instant now) {
		jdbc.sql("update meeting_task set status = 'DONE', done_note = ?, done_at = ? where id = ? and status = 'OPEN'")
			.params(note, Timestamp.from(now), id).update();
	}
}
