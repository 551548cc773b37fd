package vn.xaso.farm.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the telemetry family: {@code farm_reading}, {@code farm_latest} and the refusal counts {@code farm_refusal}. */
@Component
class ReadingTable {

	private final JdbcClient jdbc;

	ReadingTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores one reading (a repeat of the same device, key and time is ignored) and moves the latest value forward. */
	void store(String unitCode, long deviceId, String key, Instant at, double value) {
		var ts = Timestamp.from(at);
		jdbc.sql("insert into farm_reading (unit_code, device_id, key, at, value) values (?, ?, ?, ?, ?) on conflict do nothing")
			.params(unitCode, deviceId, key, ts, value).update();
		jdbc.sql("""
				insert into farm_latest (unit_code, device_id, key, at, value) values (?, ?, ?, ?, ?)
				on conflict (device_id, key) do update set at = excluded.at, value = excluded.value where farm_latest.at <= excluded.at""")
			.params(unitCode, deviceId, key, ts, value).update();
	}

	void refused(String unitCode, long deviceId, String reason, Instant at) {
		jdbc.sql("""
				insert into farm_refusal (unit_code, device_id, reason, count, last_at) values (?, ?, ?, 1, ?)
				on conflict (device_id, reason) do update set count = farm_refusal.count + 1, last_at = excluded.last_at""")
			.params(unitCode, deviceId, reason, Timestamp.from(at)).update();
	}

	/** Refusals of one device by reason. */
	Map<String, Long> refusals(long deviceId) {
		var result = new java.util.TreeMap<String, Long>();
		jdbc.sql("select reason, count from farm_refusal where device_id = ?").param(deviceId)
			.query(rs -> {
				result.put(rs.getString("reason"), rs.getLong("count"));
			});
		return result;
	}

	List<LatestValue> latest(long farmId) {
		return jdbc.sql("""
				select l.device_id, l.key, l.at, l.value from farm_latest l join farm_device d on d.id = l.device_id
				where d.farm_id = ? order by d.id, l.key""").param(farmId)
			.query((rs, n) -> new LatestValue(rs.getLong("device_id"), rs.getString("key"), rs.getTimestamp("at").toInstant(),
					rs.getDouble("value"))).list();
	}

	long count(long deviceId) {
		return jdbc.sql("select count(*) from farm_reading where device_id = ?").param(deviceId).query(Long.class).single();
	}

	/** Deletes readings older than {@code before}, at most {@code limit} rows a call. */
	int deleteOlderThan(Instant before, int limit) {
		return jdbc.sql("delete from farm_reading where ctid in (select ctid from farm_reading where at < ? limit ?)")
			.params(Timestamp.from(before), limit).update();
	}
}
