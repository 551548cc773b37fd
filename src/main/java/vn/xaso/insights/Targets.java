package vn.xaso.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * A province's digital-transformation target sets (e.g. 38 targets with thresholds, at two
 * levels: "xã chuyển đổi số" and "nâng cao"), communes' registrations for a level, and progress:
 * "14/38 met" for a commune, "72/173 registered" for a province. A target is met when the
 * indicator's value for the set's year so far reaches the threshold in the good direction.
 */
@Service
public class Targets {

	public enum Level {
		BASIC("basic"), ADVANCED("advanced");

		private final String db;

		Level(String db) {
			this.db = db;
		}

		public String db() {
			return db;
		}

		public static Level of(String db) {
			return db.equals("advanced") ? ADVANCED : BASIC;
		}
	}

	public record Target(int ordinal, Indicator indicator, Level level, BigDecimal threshold) {
	}

	public record TargetSet(long id, String provinceCode, String code, String name, int year, boolean published,
			List<Target> targets) {

		/** The targets that apply to a commune registered for the level (advanced includes basic). */
		public List<Target> forLevel(Level level) {
			return targets.stream().filter(t -> level == Level.ADVANCED || t.level() == Level.BASIC).toList();
		}
	}

	public record TargetResult(Target target, IndicatorValue value, boolean met) {
	}

	/** A commune's standing against a set: the level it registered for (null if none) and what it meets. */
	public record Progress(TargetSet set, String communeCode, String communeName, @Nullable Level registered,
			List<TargetResult> results) {

		public long met() {
			return results.stream().filter(TargetResult::met).count();
		}

		public int total() {
			return results.size();
		}
	}

	public record ProvinceSummary(TargetSet set, int communes, int registered, List<Progress> progress) {
	}

	private final JdbcClient jdbc;
	private final Indicators indicators;
	private final Units units;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	Targets(JdbcClient jdbc, Indicators indicators, Units units, ApplicationEventPublisher events, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	public record NewTarget(String indicatorCode, Level level, BigDecimal threshold) {
	}

	/** Creates (unpublished) or replaces an unpublished set of a province. Vietnamese errors on bad input. */
	@Transactional
	public long save(String provinceCode, String code, String name, int year, List<NewTarget> targets, String by) {
		var province = units.find(provinceCode).filter(u -> Unit.PROVINCE.equals(u.level()))
			.orElseThrow(() -> InsightsException.of("province", "insights.error.provinceOnly"));
		if (!code.matches("[A-Za-z0-9-]{2,30}")) {
			throw InsightsException.of("code", "insights.error.setCode");
		}
		if (name.isBlank() || name.length() > 200) {
			throw InsightsException.of("name", "insights.error.setName");
		}
		if (year < 2020 || year > 2100) {
			throw InsightsException.of("year", "insights.error.setYear");
		}
		if (targets.isEmpty() || targets.size() > 100) {
			throw InsightsException.of("targets", "insights.error.setSize");
		}
		for (var t : targets) {
			var indicator = indicators.find(t.indicatorCode())
				.orElseThrow(() -> InsightsException.of("targets", "insights.error.indicatorUnknown", t.indicatorCode()));
			if (t.threshold().signum() < 0 || (indicator.scale() == 100 && t.threshold().compareTo(BigDecimal.valueOf(100)) > 0)) {
				throw InsightsException.of("targets", indicator.scale() == 100 ? "insights.error.thresholdPercent" : "insights.error.threshold",
						indicator.nameVi());
			}
		}
		var existing = jdbc.sql("select id, published from insight_target_set where unit_code = ? and code = ?")
			.params(province.code(), code).query((rs, n) -> new Object[] { rs.getLong(1), rs.getBoolean(2) }).optional();
		long id;
		if (existing.isPresent()) {
			if ((Boolean) existing.get()[1]) {
				throw InsightsException.of("code", "insights.error.setPublished", code);
			}
			id = (Long) existing.get()[0];
			jdbc.sql("update insight_target_set set name = ?, year = ? where id = ?").params(name.strip(), year, id).update();
			jdbc.sql("delete from insight_target where set_id = ?").param(id).update();
		}
		else {
			id = jdbc.sql("""
					insert into insight_target_set (unit_code, code, name, year, created_by) values (?, ?, ?, ?, ?) returning id""")
				.params(province.code(), code, name.strip(), year, by).query(Long.class).single();
		}
		int ordinal = 1;
		for (var t : targets) {
			jdbc.sql("insert into insight_target (set_id, unit_code, ordinal, indicator, level, threshold) values (?, ?, ?, ?, ?, ?)")
				.params(id, province.code(), ordinal++, t.indicatorCode(), t.level().db(), t.threshold()).update();
		}
		events.publishEvent(AuditEvent.of(province.code(), by, "insights.targets.saved").on("target_set", id)
			.change(null, vi("insights.text.targetsSaved", code, String.valueOf(targets.size()))));
		return id;
	}

	/** A Vietnamese text of the insights bundle, for what the audit log keeps. */
	private static String vi(String key, Object... args) {
		return vn.xaso.platform.Refusal.bundleText("i18n/insights", key, args);
	}

	@Transactional
	public void publish(String provinceCode, long setId, String by) {
		int changed = jdbc.sql("update insight_target_set set published = true where id = ? and unit_code = ? and not published")
			.params(setId, provinceCode).update();
		if (changed == 0) {
			throw InsightsException.of("set", "insights.error.setNotFound");
		}
		events.publishEvent(AuditEvent.of(provinceCode, by, "insights.targets.published").on("target_set", setId).change(null, vi("insights.text.targetsPublished")));
	}

	/** Target sets of a province: published ones for everyone in it, drafts for the province itself. */
	@Transactional(readOnly = true)
	public List<TargetSet> sets(String provinceCode) {
		var sets = jdbc.sql("""
				select id, unit_code, code, name, year, published from insight_target_set where unit_code = ?
				order by year desc, code""")
			.param(provinceCode)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getBoolean(6) })
			.list();
		var result = new ArrayList<TargetSet>();
		for (var s : sets) {
			result.add(new TargetSet((Long) s[0], (String) s[1], (String) s[2], (String) s[3], (Integer) s[4], (Boolean) s[5],
					targetsOf((Long) s[0])));
		}
		return result;
	}

	@Transactional(readOnly = true)
	public Optional<TargetSet> set(long id) {
		return jdbc.sql("select unit_code from insight_target_set where id = ?").param(id).query(String.class).optional()
			.flatMap(province -> sets(province).stream().filter(s -> s.id() == id).findFirst());
	}

	private List<Target> targetsOf(long setId) {
		return jdbc.sql("select ordinal, indicator, level, threshold from insight_target where set_id = ? order by ordinal")
			.param(setId)
			.query((rs, n) -> {
				int ordinal = rs.getInt(1);
				var level = Level.of(rs.getString(3));
				var threshold = rs.getBigDecimal(4);
				return indicators.find(rs.getString(2)).map(i -> new Target(ordinal, i, level, threshold)).orElse(null);
			})
			.list().stream().filter(java.util.Objects::nonNull).toList();
	}

	/** A commune registers (or changes its level) for a published set of its own province. */
	@Transactional
	public void register(String communeCode, long setId, Level level, String by) {
		var commune = units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> InsightsException.of("unit", "insights.error.communeOnly"));
		var set = set(setId).filter(TargetSet::published).filter(s -> s.provinceCode().equals(commune.parentCode()))
			.orElseThrow(() -> InsightsException.of("set", "insights.error.setElsewhere"));
		jdbc.sql("""
				insert into insight_registration (unit_code, set_id, level, registered_by) values (?, ?, ?, ?)
				on conflict (unit_code, set_id) do update set level = excluded.level, registered_by = excluded.registered_by,
				  registered_at = now()""")
			.params(communeCode, set.id(), level.db(), by).update();
		events.publishEvent(AuditEvent.of(communeCode, by, "insights.targets.registered").on("target_set", setId)
			.change(null, vi("insights.text.targetsRegistered", set.code(),
					vi(level == Level.ADVANCED ? "insights.text.levelAdvanced" : "insights.text.levelBasic"))));
	}

	/** Where a commune stands against a set (its registered level, or the basic level if it has not registered). */
	@Transactional(readOnly = true)
	public Progress progress(TargetSet set, String communeCode) {
		var registered = jdbc.sql("select level from insight_registration where unit_code = ? and set_id = ?")
			.params(communeCode, set.id()).query(String.class).optional().map(Level::of).orElse(null);
		var from = LocalDate.of(set.year(), 1, 1);
		var today = LocalDate.now(clock.withZone(vn.xaso.platform.metrics.MetricEvent.VIETNAM));
		var to = today.getYear() > set.year() ? LocalDate.of(set.year(), 12, 31) : today;
		var results = new ArrayList<TargetResult>();
		for (var t : set.forLevel(registered == null ? Level.BASIC : registered)) {
			var value = indicators.value(t.indicator(), communeCode, from, to);
			var v = value.value();
			var met = v != null && (t.indicator().direction() == Indicator.Direction.UP ? v.compareTo(t.threshold()) >= 0
					: v.compareTo(t.threshold()) <= 0);
			results.add(new TargetResult(t, value, met));
		}
		return new Progress(set, communeCode, units.find(communeCode).map(Unit::name).orElse(communeCode), registered, results);
	}

	/** A province's set: how many communes registered and each commune's "met / total". */
	@Transactional(readOnly = true)
	public ProvinceSummary summary(TargetSet set) {
		var communes = units.communesOf(set.provinceCode()).stream().sorted().toList();
		Map<String, Progress> byCommune = new LinkedHashMap<>();
		for (var commune : communes) {
			byCommune.put(commune, progress(set, commune));
		}
		int registered = (int) byCommune.values().stream().filter(p -> p.registered() != null).count();
		return new ProvinceSummary(set, communes.size(), registered, List.copyOf(byCommune.values()));
	}
}
