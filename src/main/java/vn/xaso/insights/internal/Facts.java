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

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;
import vn.xaso.platform.metrics.MetricSource.MetricCount;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.UnitTree;
import vn.xaso.units.Units;

/**
 * The daily counters and their roll-ups: applies metric events exactly once to a commune's
 * counters ({@code insight_fact}) and its monthly sums ({@code insight_month}) and, in the same
 * transaction, to its province's and the nation's ({@code insight_rollup}); sums counters for any set
 * of units or roll-ups; compares the three tables with the modules' recounts and rebuilds them.
 */
@Component
public class Facts {

	/** The unit code of the nation's roll-up rows. */
	public static final String NATION = "VN";

	private final JdbcClient jdbc;
	private final List<MetricSource> sources;
	private final Units units;
	private final TransactionTemplate tx;

	Facts(JdbcClient jdbc, List<MetricSource> sources, Units units, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.units = units;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Applies the event unless it was applied before; returns whether it changed anything. One
	 * transaction: the event id first (the duplicate guard), then the unit's counters, then — the rows
	 * every unit of the province or country shares, taken last so they are held for the shortest time —
	 * the province's roll-up (when the unit is a commune) and the nation's. Each group is one statement
	 * in metric order, so concurrent events take shared rows in one order and cannot deadlock. The
	 * transaction's scope is the caller's widened to exactly those roll-up rows.
	 */
	public boolean apply(MetricEvent event) {
		var province = units.tree().provinceOf(event.unitCode());
		var scope = Tenancy.current();
		var rollups = province == null ? List.of(NATION) : List.of(province, NATION);
		var widened = scope.all() ? scope : UnitScope.of(union(scope.units(), rollups));
		var deltas = new java.util.TreeMap<>(event.deltas());
		var metrics = deltas.keySet().toArray(String[]::new);
		var values = deltas.values().toArray(Long[]::new);
		Boolean applied = Tenancy.callAs(widened, () -> tx.execute(status -> {
			int fresh = jdbc.sql("insert into insight_applied_event (event_id, unit_code) values (?, ?) on conflict do nothing")
				.params(event.id(), event.unitCode()).update();
			if (fresh == 0) {
				return false;
			}
			jdbc.sql("""
					with f as (
					  insert into insight_fact (unit_code, day, metric, value)
					  select ?::varchar, ?::date, d.metric, d.value from unnest(?::text[], ?::bigint[]) with ordinality as d(metric, value, i) order by d.i
					  on conflict (unit_code, metric, day) do update set value = insight_fact.value + excluded.value)
					insert into insight_month (unit_code, month, metric, value)
					select ?::varchar, date_trunc('month', ?::date)::date, d.metric, d.value
					from unnest(?::text[], ?::bigint[]) with ordinality as d(metric, value, i) order by d.i
					on conflict (unit_code, metric, month) do update set value = insight_month.value + excluded.value""")
				.params(event.unitCode(), event.day(), metrics, values, event.unitCode(), event.day(), metrics, values).update();
			jdbc.sql("""
					insert into insight_rollup (unit_code, day, metric, value)
					select u.code, ?::date, d.metric, d.value
					from unnest(?::text[]) with ordinality as u(code, i)
					cross join unnest(?::text[], ?::bigint[]) with ordinality as d(metric, value, j)
					order by u.i, d.j
					on conflict (unit_code, metric, day) do update set value = insight_rollup.value + excluded.value""")
				.params(event.day(), rollups.toArray(String[]::new), metrics, values).update();
			return true;
		}));
		return Boolean.TRUE.equals(applied);
	}

	private static java.util.Set<String> union(java.util.Set<String> a, List<String> b) {
		var all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}

	/**
	 * Per roll-up unit (a province code or {@link #NATION}): Σ of each metric over the days. Only for a
	 * caller who may see every unit the roll-up covers (row-level security hides the other rows).
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Long>> rollups(Collection<String> rollupUnits, Collection<String> metrics, LocalDate from,
			LocalDate to) {
		return rollups(rollupUnits, metrics, List.of(), List.of(), from, to);
	}

	/**
	 * As {@link #rollups(Collection, Collection, LocalDate, LocalDate)} for two sets at once, in one
	 * query: every metric of {@code metrics} for {@code units}, and {@code moreMetrics} for
	 * {@code moreUnits} (a page's figures and its ranking).
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Long>> rollups(Collection<String> units, Collection<String> metrics,
			Collection<String> moreUnits, Collection<String> moreMetrics, LocalDate from, LocalDate to) {
		var result = new HashMap<String, Map<String, Long>>();
		// A plan for these very arrays and days: after five executions the driver's prepared statement would
		// otherwise get PostgreSQL's generic plan, which misjudges the rows (1 instead of ~22,000 for a year of
		// 34 provinces), goes parallel and is 2-3x slower (docs/performance.md, goal 1).
		jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleValue();
		jdbc.sql("""
				select unit_code, metric, sum(value) from insight_rollup
				where day between :from and :to and unit_code = any(:units) and metric = any(:metrics)
				group by unit_code, metric
				union all
				select unit_code, metric, sum(value) from insight_rollup
				where day between :from and :to and unit_code = any(:more) and metric = any(:moreMetrics)
				group by unit_code, metric""")
			.param("from", from).param("to", to)
			.param("units", units.toArray(String[]::new)).param("metrics", metrics.toArray(String[]::new))
			.param("more", moreUnits.toArray(String[]::new)).param("moreMetrics", moreMetrics.toArray(String[]::new))
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
			.list();
		return result;
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

	/**
	 * Per unit: Σ of each metric over the days, for rankings. The period's whole months are read from the monthly
	 * sums ({@code insight_month}), the days of its partial first and last month from the daily counters: a
	 * province's communes over a year are ~12 rows per commune and metric, not ~365.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Long>> sumsByUnit(Collection<String> units, Collection<String> metrics, LocalDate from,
			LocalDate to) {
		var result = new HashMap<String, Map<String, Long>>();
		if (metrics.isEmpty() || units.isEmpty() || to.isBefore(from)) {
			return result;
		}
		// whole months [firstMonth, lastMonth]; days [from, headTo] and [tailFrom, to] around them (empty when from > to)
		var firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		var lastMonth = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to.withDayOfMonth(1) : to.withDayOfMonth(1).minusMonths(1);
		LocalDate headTo;
		LocalDate tailFrom;
		if (firstMonth.isAfter(lastMonth)) { // no whole month: only days
			headTo = to;
			tailFrom = to.plusDays(1);
		}
		else {
			headTo = firstMonth.minusDays(1);
			tailFrom = lastMonth.plusMonths(1);
		}
		jdbc.sql("""
				select unit_code, metric, sum(value) from (
				  select unit_code, metric, value from insight_month
				  where unit_code = any(:units) and metric = any(:metrics) and month between :firstMonth and :lastMonth
				  union all
				  select unit_code, metric, value from insight_fact
				  where unit_code = any(:units) and metric = any(:metrics)
				    and (day between :from and :headTo or day between :tailFrom and :to)) x
				group by unit_code, metric""")
			.param("units", units.toArray(String[]::new)).param("metrics", metrics.toArray(String[]::new))
			.param("firstMonth", firstMonth).param("lastMonth", lastMonth).param("from", from).param("headTo", headTo)
			.param("tailFrom", tailFrom).param("to", to)
			.query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
			.list();
		return result;
	}

	/** Per month (first day) of the period: Σ of each metric, for trends. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Map<String, Long>> sumsByMonth(@Nullable Collection<String> units, Collection<String> metrics,
			LocalDate from, LocalDate to) {
		return byMonth("insight_fact", units, metrics, from, to);
	}

	/** Per month (first day) of the period: Σ of each metric of one roll-up (a province or {@link #NATION}). */
	@Transactional(readOnly = true)
	public Map<LocalDate, Map<String, Long>> rollupsByMonth(String rollupUnit, Collection<String> metrics, LocalDate from,
			LocalDate to) {
		return byMonth("insight_rollup", List.of(rollupUnit), metrics, from, to);
	}

	private Map<LocalDate, Map<String, Long>> byMonth(String table, @Nullable Collection<String> units, Collection<String> metrics,
			LocalDate from, LocalDate to) {
		var result = new java.util.TreeMap<LocalDate, Map<String, Long>>();
		if (metrics.isEmpty()) {
			return result;
		}
		var sql = "select date_trunc('month', day)::date, metric, sum(value) from " + table
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

	/**
	 * Compares the kept counters with every module's recount over the period (system scope), then the
	 * kept roll-ups with the same recount summed per province (its communes) and for the nation (every
	 * unit). A roll-up's difference names the province code or {@link #NATION}.
	 */
	@Transactional(readOnly = true)
	public List<Difference> check(LocalDate from, LocalDate to) {
		// the monthly sums cover whole months: recount the months the period touches, compare the days of the period
		var monthsFrom = from.withDayOfMonth(1);
		var monthsTo = to.withDayOfMonth(to.lengthOfMonth());
		var recountedMonths = recount(monthsFrom, monthsTo);
		var recounted = new HashMap<Key, Long>();
		recountedMonths.forEach((key, value) -> {
			if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
				recounted.put(key, value);
			}
		});
		var metrics = metrics();
		var differences = compare(kept("insight_fact", from, to, metrics), recounted);
		differences.addAll(compare(kept("insight_rollup", from, to, metrics), rollUp(recounted, units.tree())));
		differences.addAll(compare(keptMonths(monthsFrom, monthsTo, metrics), perMonth(recountedMonths)));
		return differences;
	}

	/** The monthly sums of the months from {@code from} to {@code to}; a difference's day is its month's first day. */
	private Map<Key, Long> keptMonths(LocalDate from, LocalDate to, String[] metrics) {
		var kept = new HashMap<Key, Long>();
		jdbc.sql("select unit_code, month, metric, value from insight_month where month between ? and ? and metric = any(?)")
			.params(from, to, metrics)
			.query((rs, n) -> kept.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)), rs.getLong(4)))
			.list();
		return kept;
	}

	private static Map<Key, Long> perMonth(Map<Key, Long> counts) {
		var result = new HashMap<Key, Long>();
		counts.forEach((key, value) -> result.merge(new Key(key.unit(), key.day().withDayOfMonth(1), key.metric()), value, Long::sum));
		return result;
	}

	private Map<Key, Long> kept(String table, LocalDate from, LocalDate to, String[] metrics) {
		var kept = new HashMap<Key, Long>();
		jdbc.sql("select unit_code, day, metric, value from " + table + " where day between ? and ? and metric = any(?)")
			.params(from, to, metrics)
			.query((rs, n) -> kept.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)), rs.getLong(4)))
			.list();
		return kept;
	}

	private static List<Difference> compare(Map<Key, Long> kept, Map<Key, Long> recounted) {
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

	/** Counters summed as the roll-ups are kept: per province over its communes, and for the nation over every unit. */
	private static Map<Key, Long> rollUp(Map<Key, Long> counts, UnitTree tree) {
		var result = new HashMap<Key, Long>();
		counts.forEach((key, value) -> {
			var province = tree.provinceOf(key.unit());
			if (province != null) {
				result.merge(new Key(province, key.day(), key.metric()), value, Long::sum);
			}
			result.merge(new Key(NATION, key.day(), key.metric()), value, Long::sum);
		});
		return result;
	}

	private String[] metrics() {
		var metrics = new TreeSet<String>();
		sources.forEach(s -> metrics.addAll(s.metrics()));
		return metrics.toArray(String[]::new);
	}

	/**
	 * Replaces the kept counters of the period by the modules' recount, then the period's roll-ups by
	 * sums of the counters over the unit tree (system scope). Concurrent events wait for it.
	 */
	@Transactional
	public int rebuild(LocalDate from, LocalDate to) {
		jdbc.sql("lock table insight_fact, insight_rollup, insight_month in share row exclusive mode").update();
		jdbc.sql("delete from insight_fact where day between ? and ? and metric = any(?)").params(from, to, metrics()).update();
		var recounted = recount(from, to);
		for (var e : recounted.entrySet()) {
			jdbc.sql("insert into insight_fact (unit_code, day, metric, value) values (?, ?, ?, ?)")
				.params(e.getKey().unit(), e.getKey().day(), e.getKey().metric(), e.getValue()).update();
		}
		refillRollups(from, to);
		refillMonths(from, to);
		return recounted.size();
	}

	/** Replaces the monthly sums of the months the period touches by sums of the kept daily counters (system scope). */
	@Transactional
	public int refillMonths(LocalDate from, LocalDate to) {
		var first = from.withDayOfMonth(1);
		var last = to.withDayOfMonth(1);
		jdbc.sql("lock table insight_fact, insight_month in share row exclusive mode").update();
		jdbc.sql("delete from insight_month where month between ? and ?").params(first, last).update();
		return jdbc.sql("""
				insert into insight_month (unit_code, month, metric, value)
				select unit_code, date_trunc('month', day)::date, metric, sum(value) from insight_fact
				where day between ? and ? group by 1, 2, 3""")
			.params(first, last.plusMonths(1).minusDays(1)).update();
	}

	/** Replaces the period's roll-ups by sums of the kept counters over the current unit tree (system scope). */
	@Transactional
	public long refillRollups(LocalDate from, LocalDate to) {
		var communes = new ArrayList<String>();
		var provinces = new ArrayList<String>();
		units.tree().communes().forEach((province, codes) -> codes.forEach(c -> {
			communes.add(c);
			provinces.add(province);
		}));
		return jdbc.sql("select insight_rollup_refill(?, ?, ?, ?)")
			.params(from, to, communes.toArray(String[]::new), provinces.toArray(String[]::new)).query(Long.class).single();
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
