package vn.xaso.insights;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import vn.xaso.insights.internal.Entered;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.Json;
import vn.xaso.platform.metrics.MetricSource;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The declared indicators (classpath {@code insights/indicators.json}, checked at start-up) and
 * their figures for a commune, a province (Σ over its communes) or the nation (Σ over all).
 * Row-level security still applies: a caller only ever sums rows of units they may see.
 */
@Service
public class Indicators {

	/** The code used for the whole country in views and open data. */
	public static final String NATION = "VN";

	private final Map<String, Indicator> byCode;
	private final Facts facts;
	private final Entered entered;
	private final Units units;

	Indicators(Facts facts, Entered entered, Units units, List<MetricSource> sources) {
		this.facts = facts;
		this.entered = entered;
		this.units = units;
		var known = new TreeSet<String>();
		sources.forEach(s -> known.addAll(s.metrics()));
		try (InputStream in = new ClassPathResource("insights/indicators.json").getInputStream()) {
			this.byCode = load(in, known);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read insights/indicators.json", e);
		}
	}

	/**
	 * Reads and checks indicator definitions: unique codes, every metric known to some module,
	 * ratios with a denominator, counts without, entered indicators without metrics.
	 */
	static Map<String, Indicator> load(InputStream in, Set<String> knownMetrics) {
		var root = Json.MAPPER.readTree(in);
		var result = new LinkedHashMap<String, Indicator>();
		var problems = new ArrayList<String>();
		for (var node : root.path("indicators")) {
			var code = text(node, "code");
			try {
				var indicator = new Indicator(code, text(node, "nameVi"), text(node, "nameEn"),
						Indicator.Pillar.valueOf(text(node, "pillar")), Indicator.Kind.valueOf(text(node, "kind")),
						strings(node.path("numerator")), strings(node.path("denominator")), node.path("scale").asInt(1),
						text(node, "unit"), Indicator.Direction.valueOf(node.path("direction").asString("UP")),
						text(node, "definitionVi"), text(node, "definitionEn"), text(node, "source"),
						node.hasNonNull("drilldown") ? node.get("drilldown").asString() : null, node.path("stock").asBoolean(false));
				problems.addAll(check(indicator, knownMetrics));
				if (result.put(code, indicator) != null) {
					problems.add(code + ": declared twice");
				}
			}
			catch (IllegalArgumentException e) {
				problems.add(code + ": " + e.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid indicator definitions: " + String.join("; ", problems));
		}
		return java.util.Collections.unmodifiableMap(result);
	}

	private static List<String> check(Indicator i, Set<String> knownMetrics) {
		var problems = new ArrayList<String>();
		if (!i.code().matches("[A-Z][A-Z0-9_]{1,40}")) {
			problems.add(i.code() + ": code must be upper-case letters, digits and _");
		}
		switch (i.kind()) {
			case RATIO -> {
				if (i.numerator().isEmpty() || i.denominator().isEmpty()) {
					problems.add(i.code() + ": a ratio needs a numerator and a denominator");
				}
			}
			case COUNT -> {
				if (i.numerator().isEmpty() || !i.denominator().isEmpty()) {
					problems.add(i.code() + ": a count has a numerator and no denominator");
				}
			}
			case ENTERED -> {
				if (!i.numerator().isEmpty() || !i.denominator().isEmpty()) {
					problems.add(i.code() + ": an entered indicator takes no metrics");
				}
				if (i.stock()) {
					problems.add(i.code() + ": an entered indicator cannot be a stock");
				}
			}
		}
		for (var metric : concat(i.numerator(), i.denominator())) {
			if (!knownMetrics.contains(metric)) {
				problems.add(i.code() + ": no module counts the metric " + metric);
			}
		}
		if (i.scale() != 1 && i.scale() != 100) {
			problems.add(i.code() + ": scale must be 1 or 100");
		}
		return problems;
	}

	private static String text(JsonNode node, String field) {
		var value = node.path(field);
		if (!value.isString() || value.asString().isBlank()) {
			throw new IllegalArgumentException("missing " + field);
		}
		return value.asString();
	}

	private static List<String> strings(JsonNode array) {
		var list = new ArrayList<String>();
		array.forEach(n -> list.add(n.asString()));
		return List.copyOf(list);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		var all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	public List<Indicator> all() {
		return List.copyOf(byCode.values());
	}

	public Optional<Indicator> find(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	/**
	 * The units whose counters make up {@code unitCode}: a commune itself, a province's communes,
	 * null for the nation (every unit the caller may see).
	 */
	public @Nullable Set<String> members(String unitCode) {
		return source(unitCode).members();
	}

	/**
	 * Where a unit's figures are read: the province's or the nation's roll-up when the caller sees
	 * every unit it covers (a province viewer, system work), otherwise — a commune, or a caller who sees
	 * only part of a province — the counters of the member units the caller may see, as before the
	 * roll-ups existed. Either way the figure is the same sum.
	 */
	private record Source(@Nullable String rollup, @Nullable Set<String> members) {
	}

	private Source source(String unitCode) {
		var scope = vn.xaso.platform.tenancy.Tenancy.current();
		if (NATION.equals(unitCode)) {
			return new Source(scope.all() ? Facts.NATION : null, null);
		}
		var tree = units.tree();
		var unit = tree.find(unitCode).orElseThrow(() -> new IllegalArgumentException(vn.xaso.platform.Refusal.bundleText("i18n/insights", "insights.error.unitUnknown", unitCode)));
		if (!Unit.PROVINCE.equals(unit.level())) {
			return new Source(null, Set.of(unitCode));
		}
		var communes = tree.communesOf(unitCode);
		return new Source(scope.all() || scope.units().containsAll(communes) ? unitCode : null, communes);
	}

	private Map<String, Long> sums(Source source, Collection<String> metrics, LocalDate from, LocalDate to) {
		if (metrics.isEmpty()) {
			return Map.of();
		}
		if (source.rollup() != null) {
			return facts.rollups(List.of(source.rollup()), metrics, from, to).getOrDefault(source.rollup(), Map.of());
		}
		return facts.sums(source.members(), metrics, from, to);
	}

	/** The metrics of the counted indicators that are flows ({@code stock} false) or stocks (true). */
	private static Set<String> countedMetrics(Collection<Indicator> indicators, boolean stock) {
		var metrics = new TreeSet<String>();
		for (var i : indicators) {
			if (i.kind() != Indicator.Kind.ENTERED && i.stock() == stock) {
				metrics.addAll(i.numerator());
				metrics.addAll(i.denominator());
			}
		}
		return metrics;
	}

	private static List<String> enteredCodes(Collection<Indicator> indicators) {
		return indicators.stream().filter(i -> i.kind() == Indicator.Kind.ENTERED).map(Indicator::code).toList();
	}

	/** One indicator for a commune, a province or the nation over [from, to]. */
	@Transactional(readOnly = true)
	public IndicatorValue value(Indicator indicator, String unitCode, LocalDate from, LocalDate to) {
		return values(unitCode, from, to, List.of(indicator)).getFirst();
	}

	/** Every indicator for one unit over [from, to]. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> values(String unitCode, LocalDate from, LocalDate to) {
		return values(unitCode, from, to, byCode.values());
	}

	/**
	 * The given indicators for one unit over [from, to], in their order: one query for all counted
	 * indicators and one for all entered ones, whatever their number.
	 */
	@Transactional(readOnly = true)
	public List<IndicatorValue> values(String unitCode, LocalDate from, LocalDate to, Collection<Indicator> indicators) {
		var source = source(unitCode);
		var sums = sums(source, countedMetrics(indicators, false), from, to);
		var stocks = sums(source, countedMetrics(indicators, true), Indicator.ORIGIN, to);
		var codes = enteredCodes(indicators);
		var latest = codes.isEmpty() ? List.<Entered.Latest>of() : entered.latest(codes, source.members(), from, to);
		return indicators.stream().map(i -> i.kind() == Indicator.Kind.ENTERED
				? enteredValue(i, unitCode, from, to, latest.stream().filter(e -> e.indicator().equals(i.code())).toList())
				: valueOf(i, unitCode, from, to, i.stock() ? stocks : sums)).toList();
	}

	private static IndicatorValue enteredValue(Indicator indicator, String unitCode, LocalDate from, LocalDate to,
			List<Entered.Latest> entries) {
		var sum = Entered.add(entries);
		return new IndicatorValue(indicator, unitCode, from, to, sum.numerator(), sum.denominator());
	}

	/** A commune's place among the communes of its province for one indicator. */
	public record Ranked(int rank, Unit unit, IndicatorValue value) {
	}

	/**
	 * The communes of a province ranked by one indicator, best first (by the indicator's
	 * direction); communes without a figure come last, in name order, without a rank number.
	 */
	@Transactional(readOnly = true)
	public List<Ranked> ranking(Indicator indicator, String provinceCode, LocalDate from, LocalDate to) {
		var tree = units.tree();
		var communes = tree.communesOf(provinceCode);
		var values = new ArrayList<IndicatorValue>();
		if (indicator.kind() == Indicator.Kind.ENTERED) {
			var byUnit = entered.latest(List.of(indicator.code()), communes, from, to).stream()
				.collect(java.util.stream.Collectors.groupingBy(Entered.Latest::unitCode));
			for (var commune : communes) {
				values.add(enteredValue(indicator, commune, from, to, byUnit.getOrDefault(commune, List.of())));
			}
		}
		else {
			var byUnit = facts.sumsByUnit(communes, concat(indicator.numerator(), indicator.denominator()), indicator.start(from), to);
			for (var commune : communes) {
				values.add(valueOf(indicator, commune, from, to, byUnit.getOrDefault(commune, Map.of())));
			}
		}
		return rank(indicator, values, tree.units());
	}

	/**
	 * The provinces of the country ranked by one indicator (Σ numerators over Σ denominators of
	 * each province's communes, read from the provinces' roll-ups), best first; provinces without a
	 * figure come last, unranked. Only for a system-wide caller.
	 */
	@Transactional(readOnly = true)
	public List<Ranked> rankProvinces(Indicator indicator, LocalDate from, LocalDate to) {
		return nation(indicator, from, to, List.of()).ranking();
	}

	/** The national page: the nation's figures for every indicator and the provinces ranked by one. */
	public record Nation(List<IndicatorValue> values, List<Ranked> ranking) {
	}

	/**
	 * The national page in two queries whatever the number of indicators and provinces: the nation's
	 * roll-up for every counted metric together with the provinces' roll-ups for the ranking's metrics,
	 * and every unit's latest entered values. Only for a system-wide caller: row-level security would
	 * otherwise hide other provinces' rows and the sums would be wrong, so a narrower scope is refused.
	 */
	@Transactional(readOnly = true)
	public Nation nation(Indicator rankBy, LocalDate from, LocalDate to) {
		return nation(rankBy, from, to, byCode.values());
	}

	private Nation nation(Indicator rankBy, LocalDate from, LocalDate to, Collection<Indicator> indicators) {
		if (!vn.xaso.platform.tenancy.Tenancy.current().all()) {
			throw new IllegalStateException("The national figures need a system-wide scope");
		}
		var tree = units.tree();
		var provinces = tree.provinces().stream().map(Unit::code).toList();
		var flows = facts.rollups(List.of(Facts.NATION), countedMetrics(indicators, false), provinces,
				countedMetrics(List.of(rankBy), false), from, to);
		var stockMetrics = countedMetrics(indicators, true);
		var stocks = stockMetrics.isEmpty() && !rankBy.stock() ? Map.<String, Map<String, Long>>of()
				: facts.rollups(List.of(Facts.NATION), stockMetrics, provinces, countedMetrics(List.of(rankBy), true), Indicator.ORIGIN, to);
		var codes = new TreeSet<>(enteredCodes(indicators));
		codes.addAll(enteredCodes(List.of(rankBy)));
		var latest = codes.isEmpty() ? List.<Entered.Latest>of() : entered.latest(codes, null, from, to);
		var values = indicators.stream().map(i -> i.kind() == Indicator.Kind.ENTERED
				? enteredValue(i, NATION, from, to, latest.stream().filter(e -> e.indicator().equals(i.code())).toList())
				: valueOf(i, NATION, from, to, (i.stock() ? stocks : flows).getOrDefault(Facts.NATION, Map.of()))).toList();
		var byProvince = new ArrayList<IndicatorValue>();
		for (var province : provinces) {
			byProvince.add(rankBy.kind() == Indicator.Kind.ENTERED
					? enteredValue(rankBy, province, from, to, latest.stream()
						.filter(e -> e.indicator().equals(rankBy.code()) && province.equals(tree.provinceOf(e.unitCode()))).toList())
					: valueOf(rankBy, province, from, to, (rankBy.stock() ? stocks : flows).getOrDefault(province, Map.of())));
		}
		return new Nation(values, rank(rankBy, byProvince, tree.units()));
	}

	private static List<Ranked> rank(Indicator indicator, List<IndicatorValue> values, Map<String, Unit> names) {
		Comparator<IndicatorValue> byValue = Comparator.comparing(v -> v.value());
		if (indicator.direction() == Indicator.Direction.UP) {
			byValue = byValue.reversed();
		}
		var collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
		Comparator<IndicatorValue> byName = Comparator.comparing(v -> names.get(v.unitCode()).shortName(), collator);
		var withValue = values.stream().filter(v -> v.value() != null).sorted(byValue.thenComparing(byName)).toList();
		var without = values.stream().filter(v -> v.value() == null).sorted(byName).toList();
		var ranked = new ArrayList<Ranked>();
		int rank = 0;
		BigDecimal previous = null;
		for (int i = 0; i < withValue.size(); i++) {
			var v = withValue.get(i);
			if (previous == null || v.value().compareTo(previous) != 0) {
				rank = i + 1; // ties share a rank: 1, 2, 2, 4
			}
			previous = v.value();
			ranked.add(new Ranked(rank, names.get(v.unitCode()), v));
		}
		without.forEach(v -> ranked.add(new Ranked(0, names.get(v.unitCode()), v)));
		return ranked;
	}

	/** Monthly figures of one indicator for a unit, oldest first. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> trend(Indicator indicator, String unitCode, LocalDate from, LocalDate to) {
		if (indicator.kind() == Indicator.Kind.ENTERED) {
			return List.of(value(indicator, unitCode, from, to));
		}
		var source = source(unitCode);
		var metrics = concat(indicator.numerator(), indicator.denominator());
		var first = indicator.start(from);
		var byMonth = source.rollup() != null ? facts.rollupsByMonth(source.rollup(), metrics, first, to)
				: facts.sumsByMonth(source.members(), metrics, first, to);
		var result = new ArrayList<IndicatorValue>();
		var running = new java.util.HashMap<String, Long>(); // a stock: every change up to the month's end
		if (indicator.stock()) {
			byMonth.forEach((month, sums) -> {
				if (month.isBefore(from.withDayOfMonth(1))) {
					sums.forEach((metric, value) -> running.merge(metric, value, Long::sum));
				}
			});
		}
		for (var month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
			var start = month.isBefore(from) ? from : month;
			var end = month.plusMonths(1).minusDays(1);
			var sums = byMonth.getOrDefault(month, Map.of());
			if (indicator.stock()) {
				sums.forEach((metric, value) -> running.merge(metric, value, Long::sum));
				sums = Map.copyOf(running);
			}
			result.add(valueOf(indicator, unitCode, start, end.isAfter(to) ? to : end, sums));
		}
		return result;
	}

	private static IndicatorValue valueOf(Indicator indicator, String unitCode, LocalDate from, LocalDate to, Map<String, Long> sums) {
		var numerator = sum(indicator.numerator(), sums);
		var denominator = indicator.kind() == Indicator.Kind.COUNT ? null : sum(indicator.denominator(), sums);
		return new IndicatorValue(indicator, unitCode, from, to, numerator, denominator);
	}

	private static BigDecimal sum(Collection<String> metrics, Map<String, Long> sums) {
		long total = 0;
		for (var metric : metrics) {
			total += sums.getOrDefault(metric, 0L);
		}
		return BigDecimal.valueOf(total);
	}
}
