package vn.xaso.farm.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for the telemetry family: {@code farm_reading}, its hourly roll-up {@code farm_hourly}, {@code farm_latest} and the
 * refusal counts {@code farm_refusal}, and the files imported {@code farm_import}.
 */
@Component
class ReadingTable {

	private final JdbcClient jdbc;

	ReadingTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores one reading (a repeat of the same device, key and time is ignored) and moves the latest value and the
	 * hour's roll-up forward; 1 when it was new, 0 when the same device, key and time was there.
	 */
	int store(String unitCode, long deviceId, String key, Instant at, double value) {
		var ts = Timestamp.from(at);
		int stored = jdbc.sql("""
				with stored as (insert into farm_reading (unit_code, device_id, key, at, value) values (?, ?, ?, ?, ?)
				  on conflict do nothing returning unit_code, device_id, key, at, value)
				insert into farm_hourly (unit_code, device_id, key, hour, n, least_value, greatest_value, sum_value)
				select unit_code, device_id, key, date_trunc('hour', at), 1, value, value, value from stored
				on conflict (device_id, key, hour) do update set n = farm_hourly.n + 1,
				  least_value = least(farm_hourly.least_value, excluded.least_value),
				  greatest_value = greatest(farm_hourly.greatest_value, excluded.greatest_value),
				  sum_value = farm_hourly.sum_value + excluded.sum_value""")
			.params(unitCode, deviceId, key, ts, value).update();
		jdbc.sql("""
				insert into farm_latest (unit_code, device_id, key, at, value) values (?, ?, ?, ?, ?)
				on conflict (device_id, key) do update set at = excluded.at, value = excluded.value where farm_latest.at <= excluded.at""")
			.params(unitCode, deviceId, key, ts, value).update();
		return stored;
	}

	/** Stores an imported reading like {@link #store}; 1 when it was new, 0 when the same device, key and time was there. */
	int storeOld(String unitCode, long deviceId, String key, Instant at, double value) {
		int stored = jdbc.sql("""
				with stored as (insert into farm_reading (unit_code, device_id, key, at, value) values (?, ?, ?, ?, ?)
				  on conflict do nothing returning unit_code, device_id, key, at, value)
				insert into farm_hourly (unit_code, device_id, key, hour, n, least_value, greatest_value, sum_value)
				select unit_code, device_id, key, date_trunc('hour', at), 1, value, value, value from stored
				on conflict (device_id, key, hour) do update set n = farm_hourly.n + 1,
				  least_value = least(farm_hourly.least_value, excluded.least_value),
				  greatest_value = greatest(farm_hourly.greatest_value, excluded.greatest_value),
				  sum_value = farm_hourly.sum_value + excluded.sum_value""")
			.params(unitCode, deviceId, key, Timestamp.from(at), value).update();
		if (stored > 0) {
			jdbc.sql("""
					insert into farm_latest (unit_code, device_id, key, at, value) values (?, ?, ?, ?, ?)
					on conflict (device_id, key) do update set at = excluded.at, value = excluded.value where farm_latest.at <= excluded.at""")
				.params(unitCode, deviceId, key, Timestamp.from(at), value).update();
		}
		return stored;
	}

	/** Records a file imported into a farm; false when the same file (by its SHA-256) was imported before. */
	boolean importOnce(String unitCode, long farmId, String sha256, String by, int rows, Instant at) {
		return jdbc.sql("""
				insert into farm_import (unit_code, farm_id, sha256, imported_by, rows, imported_at) values (?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(unitCode, farmId, sha256, by, rows, Timestamp.from(at)).update() == 1;
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

	/** One row of an export: a reading (n = 1, least = greatest = value) or an hour's roll-up. */
	record Row(long deviceId, String key, Instant at, int n, double least, double greatest, double mean) {
	}

	/** A farm's readings (or hourly roll-ups) in [from, to), by device, key and time; at most {@code limit} rows. */
	List<Row> export(long farmId, Instant from, Instant to, boolean hourly, int limit) {
		var sql = hourly ? """
				select h.device_id, h.key, h.hour at, h.n, h.least_value, h.greatest_value, h.sum_value / h.n mean from farm_hourly h
				join farm_device d on d.id = h.device_id where d.farm_id = ? and h.hour >= ? and h.hour < ?
				order by h.device_id, h.key, h.hour limit ?""" : """
				select r.device_id, r.key, r.at, 1 n, r.value least_value, r.value greatest_value, r.value mean from farm_reading r
				join farm_device d on d.id = r.device_id where d.farm_id = ? and r.at >= ? and r.at < ?
				order by r.device_id, r.key, r.at limit ?""";
		return jdbc.sql(sql).params(farmId, Timestamp.from(from), Timestamp.from(to), limit)
			.query((rs, n) -> new Row(rs.getLong("device_id"), rs.getString("key"), rs.getTimestamp("at").toInstant(), rs.getInt("n"),
					rs.getDouble("least_value"), rs.getDouble("greatest_value"), rs.getDouble("mean")))
			.list();
	}

	/** Deletes hourly roll-ups older than {@code before}, at most {@code limit} rows a call. */
	int deleteHourlyOlderThan(Instant before, int limit) {
		return jdbc.sql("delete from farm_hourly where ctid in (select ctid from farm_hourly where hour < ? limit ?)")
			.params(Timestamp.from(before), limit).update();
	}

	/**
	 * Makes the missing weekly partitions of {@code farm_reading} for [from, until) through the owner's SECURITY DEFINER
	 * function (the application's login may not create tables); rows of those weeks waiting in the default partition
	 * move in. The number of partitions made.
	 */
	int makePartitions(Instant from, Instant until) {
		return jdbc.sql("select farm_reading_make_partitions(?, ?)").params(Timestamp.from(from), Timestamp.from(until))
			.query(Integer.class).single();
	}

	/** Drops the weekly partitions that end at or before {@code before} (whole weeks); their names. */
	List<String> dropPartitionsBefore(Instant before) {
		return jdbc.sql("select farm_reading_drop_partitions(?)").param(Timestamp.from(before)).query(String.class).list();
	}

	/**
	 * Deletes readings older than {@code before} that wait in the default partition (a week without a partition: an
	 * import of old readings), at most {@code limit} rows a call; the weekly partitions go whole.
	 */
	int deleteOlderThan(Instant before, int limit) {
		return jdbc.sql("""
				delete from farm_reading where tableoid = 'farm_reading_default'::regclass and ctid in (
				  select ctid from farm_reading where tableoid = 'farm_reading_default'::regclass and at < ? limit ?)""")
			.params(Timestamp.from(before), limit).update();
	}

	/** The partition a reading is stored in ({@code farm_reading_w20261207}, {@code farm_reading_default}); null when none. */
	String partitionOf(long deviceId, String key, Instant at) {
		return jdbc.sql("select tableoid::regclass::text from farm_reading where device_id = ? and key = ? and at = ?")
			.params(deviceId, key, Timestamp.from(at)).query(String.class).optional().orElse(null);
	}

	/**
	 * A farm's chart points in [from, to): its readings, or its hourly roll-ups (count, least, greatest, mean), by device,
	 * key and time — at most the latest {@code perKey} of each device and key.
	 */
	List<Row> chart(long farmId, Instant from, Instant to, boolean hourly, int perKey) {
		var sql = hourly ? """
				select device_id, key, at, n, least_value, greatest_value, mean from (
				  select h.device_id, h.key, h.hour at, h.n, h.least_value, h.greatest_value, h.sum_value / h.n mean,
				    row_number() over (partition by h.device_id, h.key order by h.hour desc) k
				  from farm_hourly h join farm_device d on d.id = h.device_id where d.farm_id = ? and h.hour >= ? and h.hour < ?) p
				where k <= ? order by device_id, key, at""" : """
				select device_id, key, at, 1 n, value least_value, value greatest_value, value mean from (
				  select r.device_id, r.key, r.at, r.value, row_number() over (partition by r.device_id, r.key order by r.at desc) k
				  from farm_reading r join farm_device d on d.id = r.device_id where d.farm_id = ? and r.at >= ? and r.at < ?) p
				where k <= ? order by device_id, key, at""";
		return jdbc.sql(sql).params(farmId, Timestamp.from(from), Timestamp.from(to), perKey)
			.query((rs, n) -> new Row(rs.getLong("device_id"), rs.getString("key"), rs.getTimestamp("at").toInstant(), rs.getInt("n"),
					rs.getDouble("least_value"), rs.getDouble("greatest_value"), rs.getDouble("mean")))
			.list();
	}
}
