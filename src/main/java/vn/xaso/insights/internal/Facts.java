package vn.xaso.insights.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;
import vn.xaso.platform.metrics.MetricSource.MetricCount;

/**
 * The daily counters table: applies metric events exactly once, sums counters for any set of
 * units, and compares or rebuilds them against the modules' recounts.
 */
@Component
public class Facts {

	private final JdbcClient jdbc;
	private final List<MetricSource> sources;

	Facts(JdbcClient jdbc, List<MetricSource> sources) {
		this.jdbc = jdbc;
		this.sources = sources;
	}

	/** Applies the event unless it was applied before; returns whether it changed anything. */
	@Transactional
	public boolean apply(MetricEvent event) {
		int fresh = jdbc.sql("insert into insight_applied_event (event_id, unit_code) values (?, ?) on conflict do nothing")
			.params(event.id(), event.unitCode()).update();
		if (fresh == 0) {
			return false;
		}
		for (var delta : new java.util.TreeMap<>(event.deltas()).entrySet()) {
			jdbc.sql("""
					insert into insight_fact (unit_code, day, metric, value) values (?, ?, ?, ?)
					on conflict (unit_code, metric, day) do update set value = insight_fact.value + excluded.value""")
				.params(event.unitCode(), event.day(), delta.getKey(), delta.getValue()).update();
		}
		return true;
	}

	/**
	 * Σ of each metric over the units and days. {@code units} null means every unit the caller
	 * can see (row-level security decides).
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> sums(@Nullable Collection<String> units, Collection<String> metrics, LocalDate from, LocalDate to) {
		var result = new HashMap<String, Long>();
		if (metrics.isEmpty()) {
			return result;
		}
		var sql = "select metric, sum(value) from insight_fact where metric = any(:metrics) and day between :from and :to"
				+ (units == null ? "" : " and unit_code = any(:units)") + " group by metric";
		var spec = jdbc.sql(sql).param("metrics", metrics.toArray(String[]::new)).param("from", from).param("to", to);
		if (units != null) {
			spec = spec.param("units", units.toArray(String[]::new));
		}
		spec.query((rs, n) -> result.put(rs.getString(1), rs.getLong(2))).list();
		return result;
	}

	/** Per unit: Σ of each metric over the days, for rankings. */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Long>> sumsByUnit(Collection<String> units, Collection<String> metrics, LocalDate from,
			LocalDate to) {
		var result = new HashMap<String, Map<String, Long>>();
		if (metrics.isEmpty() || units.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select unit_code, metric, sum(value) from insight_fact
				where unit_code = any(:units) and metric = any(:metrics) and day between :from and :to
				group by unit_code, metric""")
			.param("units", units.toArray(String[]::new)).param("metrics", metrics.toArray(String[]::new))
			.param("from", from).param("to", to)
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
			.list();
		return result;
	}

	/** Per month (first day) of the period: Σ of each metric, for trends. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Map<String, Long>> sumsByMonth(@Nullable Collection<String> units, Collection<String> metrics,
			LocalDate from, LocalDate to) {
		var result = new java.util.TreeMap<LocalDate, Map<String, Long>>();
		if (metrics.isEmpty()) {
			return result;
		}
		var sql = "select date_trunc('month', day)::date, metric, sum(value) from insight_fact"
				+ " where metric = any(:metrics) and day between :from and :to"
				+ (units == null ? "" : " and unit_code = any(:units)") + " group by 1, 2";
		var spec = jdbc.sql(sql).param("metrics", metrics.toArray(String[]::new)).param("from", from).param("to", to);
		if (units != null) {
			spec = spec.param("units", units.toArray(String[]::new));
		}
		spec.query((rs, n) -> result.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new HashMap<>())
			.put(rs.getString(2), rs.getLong(3))).list();
		return result;
	}

	/** A difference between the kept counters and a module's recount. */
	public record Difference(String unitCode, LocalDate day, String metric, long kept, long recounted) {
	}

	/** Compares the kept counters with every module's recount over the period (system scope). */
	@Transactional(readOnly = true)
	public List<Difference> check(LocalDate from, LocalDate to) {
		var recounted = recount(from, to);
		var kept = new HashMap<Key, Long>();
		var metrics = new TreeSet<String>();
		sources.forEach(s -> metrics.addAll(s.metrics()));
		jdbc.sql("select unit_code, day, metric, value from insight_fact where day between ? and ? and metric = any(?)")
			.params(from, to, metrics.toArray(String[]::new))
			.query((rs, n) -> kept.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)), rs.getLong(4)))
			.list();
		var keys = new TreeSet<Key>();
		keys.addAll(kept.keySet());
		keys.addAll(recounted.keySet());
		var differences = new ArrayList<Difference>();
		for (var key : keys) {
			long a = kept.getOrDefault(key, 0L);
			long b = recounted.getOrDefault(key, 0L);
			if (a != b) {
				differences.add(new Difference(key.unit(), key.day(), key.metric(), a, b));
			}
		}
		return differences;
	}

	/** Replaces the kept counters of the period by the modules' recount (system scope). */
	@Transactional
	public int rebuild(LocalDate from, LocalDate to) {
		var metrics = new TreeSet<String>();
		sources.forEach(s -> metrics.addAll(s.metrics()));
		jdbc.sql("delete from insight_fact where day between ? and ? and metric = any(?)")
			.params(from, to, metrics.toArray(String[]::new)).update();
		var recounted = recount(from, to);
		for (var e : recounted.entrySet()) {
			jdbc.sql("insert into insight_fact (unit_code, day, metric, value) values (?, ?, ?, ?)")
				.params(e.getKey().unit(), e.getKey().day(), e.getKey().metric(), e.getValue()).update();
		}
		return recounted.size();
	}

	private Map<Key, Long> recount(LocalDate from, LocalDate to) {
		var result = new HashMap<Key, Long>();
		for (var source : sources) {
			for (MetricCount c : source.recount(from, to)) {
				if (c.value() != 0) {
					result.merge(new Key(c.unitCode(), c.day(), c.metric()), c.value(), Long::sum);
				}
			}
		}
		return result;
	}

	private record Key(String unit, LocalDate day, String metric) implements Comparable<Key> {
		@Override
		public int compareTo(Key o) {
			int c = unit.compareTo(o.unit);
			if (c == 0) {
				c = day.compareTo(o.day);
			}
			return c != 0 ? c : metric.compareTo(o.metric);
		}

		Key {
			Objects.requireNonNull(unit);
		}
	}
}
