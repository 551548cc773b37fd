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

import vn.xaso.farm.Alarm;

/** SQL for {@code farm_alarm}: a partial unique index keeps at most one open alarm per rule. */
@Component
class AlarmTable {

	static final String COLUMNS = "id, unit_code, farm_id, device_id, rule_id, key, value, status, raised_at, acknowledged_by, "
			+ "acknowledged_at, cleared_by, cleared_at";

	private final JdbcClient jdbc;

	AlarmTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Alarm map(ResultSet rs, int row) throws SQLException {
		return new Alarm(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("farm_id"), rs.getLong("device_id"), rs.getLong("rule_id"),
				rs.getString("key"), rs.getDouble("value"), Alarm.Status.valueOf(rs.getString("status")),
				rs.getTimestamp("raised_at").toInstant(), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
				rs.getString("cleared_by"), instant(rs, "cleared_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** Raises an alarm unless the rule has an open one: the new id, or empty. */
	Optional<Long> raise(Rule rule, double value, Instant at) {
		return jdbc.sql("""
				insert into farm_alarm (unit_code, farm_id, device_id, rule_id, key, value, status, raised_at)
				values (?, ?, ?, ?, ?, ?, 'RAISED', ?) on conflict (rule_id) where status <> 'CLEARED' do nothing returning id""")
			.params(rule.unitCode(), rule.farmId(), rule.deviceId(), rule.id(), rule.key(), value, Timestamp.from(at))
			.query(Long.class).optional();
	}

	Optional<Alarm> openOf(long ruleId) {
		return jdbc.sql("select " + COLUMNS + " from farm_alarm where rule_id = ? and status <> 'CLEARED' for update").param(ruleId)
			.query(AlarmTable::map).optional();
	}

	Optional<Alarm> lock(long farmId, long id) {
		return jdbc.sql("select " + COLUMNS + " from farm_alarm where farm_id = ? and id = ? for update").params(farmId, id)
			.query(AlarmTable::map).optional();
	}

	/** Writes the state the aggregate decided. */
	void save(AlarmCase alarm) {
		var a = alarm.alarm();
		jdbc.sql("""
				update farm_alarm set status = ?, acknowledged_by = ?, acknowledged_at = ?, cleared_by = ?, cleared_at = ? where id = ?""")
			.params(alarm.status().name(), alarm.acknowledgedBy(), ts(alarm.acknowledgedAt()), alarm.clearedBy(), ts(alarm.clearedAt()),
					a.id())
			.update();
	}

	private static @Nullable Timestamp ts(@Nullable Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	List<Alarm> ofFarm(long farmId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from farm_alarm where farm_id = ? order by (status = 'CLEARED'), id desc limit ?")
			.params(farmId, limit).query(AlarmTable::map).list();
	}
}
