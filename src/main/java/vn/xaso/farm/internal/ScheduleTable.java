package vn.xaso.farm.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.farm.Command;
import vn.xaso.farm.Schedule;

/**
 * SQL for the schedule family: {@code farm_schedule}, its skipped days {@code farm_schedule_skip} and its runs
 * {@code farm_schedule_run} — whose primary key (schedule, slot) is what makes a slot run once.
 */
@Component("farmScheduleTable")
class ScheduleTable {

	static final String COLUMNS = "id, unit_code, farm_id, device_id, action, times, created_by, created_at, stopped_at";

	private final JdbcClient jdbc;

	ScheduleTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Schedule map(ResultSet rs, int row) throws SQLException {
		var stopped = rs.getTimestamp("stopped_at");
		return new Schedule(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("farm_id"), rs.getLong("device_id"),
				Command.Action.valueOf(rs.getString("action")), ScheduleTimes.read(rs.getString("times")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), stopped == null ? null : stopped.toInstant());
	}

	long insert(String unitCode, long farmId, long deviceId, Command.Action action, String times, String by, Instant at) {
		return jdbc.sql("""
				insert into farm_schedule (unit_code, farm_id, device_id, action, times, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, farmId, deviceId, action.name(), times, by, Timestamp.from(at)).query(Long.class).single();
	}

	Optional<Schedule> lock(long farmId, long id) {
		return jdbc.sql("select " + COLUMNS + " from farm_schedule where farm_id = ? and id = ? for update").params(farmId, id)
			.query(ScheduleTable::map).optional();
	}

	List<Schedule> ofFarm(long farmId) {
		return jdbc.sql("select " + COLUMNS + " from farm_schedule where farm_id = ? order by stopped_at nulls first, id").param(farmId)
			.query(ScheduleTable::map).list();
	}

	/** Schedules still running whose device is not revoked (system-wide scope: the job). */
	List<Schedule> running() {
		return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "s.$1") + """
				 from farm_schedule s join farm_device d on d.id = s.device_id
				where s.stopped_at is null and d.revoked_at is null order by s.id""").query(ScheduleTable::map).list();
	}

	boolean stop(long id, Instant at) {
		return jdbc.sql("update farm_schedule set stopped_at = ? where id = ? and stopped_at is null").params(Timestamp.from(at), id)
			.update() == 1;
	}

	/** Marks a day skipped: false when it already was. */
	boolean skip(String unitCode, long scheduleId, LocalDate day, String by) {
		return jdbc.sql("""
				insert into farm_schedule_skip (unit_code, schedule_id, day, created_by) values (?, ?, ?, ?)
				on conflict (schedule_id, day) do nothing""").params(unitCode, scheduleId, Date.valueOf(day), by).update() == 1;
	}

	boolean skipped(long scheduleId, LocalDate day) {
		return jdbc.sql("select exists (select 1 from farm_schedule_skip where schedule_id = ? and day = ?)")
			.params(scheduleId, Date.valueOf(day)).query(Boolean.class).single();
	}

	/** The skipped days of a farm's schedules from {@code from} on, by schedule. */
	List<Skip> skipsFrom(long farmId, LocalDate from) {
		return jdbc.sql("""
				select k.schedule_id, k.day from farm_schedule_skip k join farm_schedule s on s.id = k.schedule_id
				where s.farm_id = ? and k.day >= ? order by k.day""").params(farmId, Date.valueOf(from))
			.query((rs, n) -> new Skip(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
	}

	record Skip(long scheduleId, LocalDate day) {
	}

	/**
	 * Claims a slot of a schedule: true for the one caller that inserted the row. A second instance running the same
	 * slot at the same moment waits for the first's commit and gets false; so does a restarted one.
	 */
	boolean claim(String unitCode, long scheduleId, Instant slot, Instant now) {
		return jdbc.sql("""
				insert into farm_schedule_run (unit_code, schedule_id, slot_at, status, ran_at) values (?, ?, ?, 'SKIPPED', ?)
				on conflict (schedule_id, slot_at) do nothing""").params(unitCode, scheduleId, Timestamp.from(slot), Timestamp.from(now))
			.update() == 1;
	}

	void sent(long scheduleId, Instant slot, long commandId) {
		jdbc.sql("update farm_schedule_run set status = 'SENT', command_id = ? where schedule_id = ? and slot_at = ?")
			.params(commandId, scheduleId, Timestamp.from(slot)).update();
	}

	/** The latest runs of a farm's schedules, with their command's state. */
	List<KeepingSchedules.Run> runsOf(long farmId, int limit) {
		return jdbc.sql("""
				select r.schedule_id, r.slot_at, r.status, r.command_id, c.status command_status from farm_schedule_run r
				join farm_schedule s on s.id = r.schedule_id left join farm_command c on c.id = r.command_id
				where s.farm_id = ? order by r.slot_at desc, r.schedule_id limit ?""").params(farmId, limit)
			.query((rs, n) -> new KeepingSchedules.Run(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), (Long) rs.getObject(4),
					rs.getString(5)))
			.list();
	}
}
