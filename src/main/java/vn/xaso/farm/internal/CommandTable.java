package vn.xaso.farm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.farm.Command;

/** SQL for {@code farm_command}. */
@Component
class CommandTable {

	static final String COLUMNS = "id, unit_code, farm_id, device_id, action, status, requested_by, requested_at, timeout_at, "
			+ "answered_at, note";

	private final JdbcClient jdbc;

	CommandTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Command map(ResultSet rs, int row) throws SQLException {
		var answered = rs.getTimestamp("answered_at");
		return new Command(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("farm_id"), rs.getLong("device_id"),
				Command.Action.valueOf(rs.getString("action")), Command.Status.valueOf(rs.getString("status")),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("timeout_at").toInstant(),
				answered == null ? null : answered.toInstant(), rs.getString("note"));
	}

	/** A new PENDING command; {@code scheduleId}: the schedule that sent it, or null for a person's. */
	long insert(String unitCode, long farmId, long deviceId, Command.Action action, String by, Instant at, Instant timeoutAt,
			@Nullable Long scheduleId) {
		return jdbc.sql("""
				insert into farm_command (unit_code, farm_id, device_id, action, status, requested_by, requested_at, timeout_at, schedule_id)
				values (?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning id""")
			.params(unitCode, farmId, deviceId, action.name(), by, Timestamp.from(at), Timestamp.from(timeoutAt), scheduleId)
			.query(Long.class).single();
	}

	Optional<Command> lock(long deviceId, long id) {
		return jdbc.sql("select " + COLUMNS + " from farm_command where device_id = ? and id = ? for update").params(deviceId, id)
			.query(CommandTable::map).optional();
	}

	Optional<Command> find(long farmId, long id) {
		return jdbc.sql("select " + COLUMNS + " from farm_command where farm_id = ? and id = ?").params(farmId, id)
			.query(CommandTable::map).optional();
	}

	void save(CommandCase command) {
		jdbc.sql("update farm_command set status = ?, answered_at = ?, note = ? where id = ?")
			.params(command.status().name(), command.answeredAt() == null ? null : Timestamp.from(command.answeredAt()), command.note(),
					command.command().id())
			.update();
	}

	/** Pending commands whose time ran out (system-wide scope), locked and skipped by a concurrent run. */
	List<Command> overdue(Instant now, int limit) {
		return jdbc.sql("select " + COLUMNS + " from farm_command where status = 'PENDING' and timeout_at < ? order by timeout_at limit ? "
				+ "for update skip locked").params(Timestamp.from(now), limit).query(CommandTable::map).list();
	}

	List<Command> ofFarm(long farmId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from farm_command where farm_id = ? order by id desc limit ?").params(farmId, limit)
			.query(CommandTable::map).list();
	}
}
