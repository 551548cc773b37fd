package vn.xaso.farm.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for {@code farm_rule}. */
@Component
class RuleTable {

	static final String COLUMNS = "id, unit_code, farm_id, device_id, key, above, threshold, clear_at, duration_seconds, breach_since, kind";

	private final JdbcClient jdbc;

	RuleTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Rule map(ResultSet rs, int row) throws SQLException {
		var since = rs.getTimestamp("breach_since");
		return new Rule(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("farm_id"), rs.getLong("device_id"), rs.getString("key"),
				rs.getBoolean("above"), rs.getDouble("threshold"), rs.getDouble("clear_at"), rs.getInt("duration_seconds"),
				since == null ? null : since.toInstant(), "OFFLINE".equals(rs.getString("kind")));
	}

	long insert(String unitCode, long farmId, long deviceId, String key, boolean above, double threshold, double clearAt,
			int durationSeconds, String by) {
		return jdbc.sql("""
				insert into farm_rule (unit_code, farm_id, device_id, key, above, threshold, clear_at, duration_seconds, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, farmId, deviceId, key, above, threshold, clearAt, durationSeconds, by).query(Long.class).single();
	}

	/** An offline rule: no data for {@code durationSeconds}. */
	long insertOffline(String unitCode, long farmId, long deviceId, int durationSeconds, String by) {
		return jdbc.sql("""
				insert into farm_rule (unit_code, farm_id, device_id, key, above, threshold, clear_at, duration_seconds, created_by, kind)
				values (?, ?, ?, ?, true, 0, 0, ?, ?, 'OFFLINE') returning id""")
			.params(unitCode, farmId, deviceId, Rule.OFFLINE_KEY, durationSeconds, by).query(Long.class).single();
	}

	/** The offline rules of one device. */
	List<Rule> offlineOf(long deviceId) {
		return jdbc.sql("select " + COLUMNS + " from farm_rule where device_id = ? and kind = 'OFFLINE' order by id").param(deviceId)
			.query(RuleTable::map).list();
	}

	/** An offline rule whose device has sent nothing since {@code since} (its last data, or the rule's creation). */
	record Silent(Rule rule, Instant since) {
	}

	/**
	 * Offline rules (system-wide scope: the job) whose device, not revoked, has sent no data for the rule's duration at
	 * {@code now} and that have no alarm for this silence yet (none open, none raised since the device's last data: an
	 * alarm the farmer closed while the device is still silent is not raised again).
	 */
	List<Silent> silent(Instant now) {
		return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "r.$1") + """
				, coalesce(d.last_seen_at, r.created_at) since from farm_rule r join farm_device d on d.id = r.device_id
				where r.kind = 'OFFLINE' and d.revoked_at is null
				  and coalesce(d.last_seen_at, r.created_at) + make_interval(secs => r.duration_seconds) <= ?
				  and not exists (select 1 from farm_alarm a where a.rule_id = r.id
				    and (a.status <> 'CLEARED' or a.raised_at >= coalesce(d.last_seen_at, r.created_at)))
				order by r.id limit 1000""").param(Timestamp.from(now))
			.query((rs, n) -> new Silent(map(rs, n), rs.getTimestamp("since").toInstant())).list();
	}

	/** The threshold rules of one device and key, locked: readings of one device are evaluated one message at a time. */
	List<Rule> lockFor(long deviceId, String key) {
		return jdbc.sql("select " + COLUMNS + " from farm_rule where device_id = ? and key = ? and kind = 'THRESHOLD' order by id for update")
			.params(deviceId, key).query(RuleTable::map).list();
	}

	List<Rule> ofFarm(long farmId) {
		return jdbc.sql("select " + COLUMNS + " from farm_rule where farm_id = ? order by device_id, key, id").param(farmId)
			.query(RuleTable::map).list();
	}

	void breachSince(long ruleId, @Nullable Instant since) {
		jdbc.sql("update farm_rule set breach_since = ? where id = ?").params(since == null ? null : Timestamp.from(since), ruleId).update();
	}
}
