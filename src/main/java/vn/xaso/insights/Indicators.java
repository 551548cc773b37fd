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
						node.hasNonNull("drilldown") ? node.get("drilldown").asString() : null);
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
		if (NATION.equals(unitCode)) {
			return null;
		}
		var unit = units.find(unitCode).orElseThrow(() -> new IllegalArgumentException("Không có đơn vị hành chính mã " + unitCode + "."));
		return Unit.PROVINCE.equals(unit.level()) ? units.communesOf(unitCode) : Set.of(unitCode);
	}

	/** One indicator for a commune, a province or the nation over [from, to]. */
	@Transactional(readOnly = true)
	public IndicatorValue value(Indicator indicator, String unitCode, LocalDate from, LocalDate to) {
		var members = members(unitCode);
		if (indicator.kind() == Indicator.Kind.ENTERED) {
			var sum = entered.sum(indicator.code(), members, from, to);
			return new IndicatorValue(indicator, unitCode, from, to, sum.numerator(), sum.denominator());
		}
		var sums = facts.sums(members, concat(indicator.numerator(), indicator.denominator()), from, to);
		return valueOf(indicator, unitCode, from, to, sums);
	}

	/** Every indicator for one unit over [from, to]. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> values(String unitCode, LocalDate from, LocalDate to) {
		return byCode.values().stream().map(i -> value(i, unitCode, from, to)).toList();
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
		var communes = units.communesOf(provinceCode);
		var values = new ArrayList<IndicatorValue>();
		if (indicator.kind() == Indicator.Kind.ENTERED) {
			for (var commune : communes) {
				values.add(value(indicator, commune, from, to));
			}
		}
		else {
			var byUnit = facts.sumsByUnit(communes, concat(indicator.numerator(), indicator.denominator()), from, to);
			for (var commune : communes) {
				values.add(valueOf(indicator, commune, from, to, byUnit.getOrDefault(commune, Map.of())));
			}
		}
		var names = new java.util.HashMap<String, Unit>();
		communes.forEach(c -> units.find(c).ifPresent(u -> names.put(c, u)));
		return rank(indicator, values, names);
	}

	/**
	 * The provinces of the country ranked by one indicator (Σ numerators over Σ denominators of
	 * each province's communes), best first; provinces without a figure come last, unranked.
	 * Only for a system-wide caller: row-level security would otherwise hide other provinces'
	 * rows and the sums would be wrong, so a narrower scope is refused.
	 */
	@Transactional(readOnly = true)
	public List<Ranked> rankProvinces(Indicator indicator, LocalDate from, LocalDate to) {
		if (!vn.xaso.platform.tenancy.Tenancy.current().all()) {
			throw new IllegalStateException("The national ranking needs a system-wide scope");
		}
		var names = new java.util.HashMap<String, Unit>();
		var provinceOf = new java.util.HashMap<String, String>();
		// The units API has no list of provinces: province codes have two digits.
		for (int n = 1; n <= 99; n++) {
			var code = String.format("%02d", n);
			units.find(code).filter(u -> Unit.PROVINCE.equals(u.level())).ifPresent(u -> {
				names.put(code, u);
				units.communesOf(code).forEach(c -> provinceOf.put(c, code));
			});
		}
		var values = new ArrayList<IndicatorValue>();
		if (indicator.kind() == Indicator.Kind.ENTERED) {
			for (var province : names.keySet()) {
				values.add(value(indicator, province, from, to));
			}
		}
		else {
			var byCommune = facts.sumsByUnit(provinceOf.keySet(), concat(indicator.numerator(), indicator.denominator()), from, to);
			var byProvince = new java.util.HashMap<String, Map<String, Long>>();
			byCommune.forEach((commune, sums) -> {
				var target = byProvince.computeIfAbsent(provinceOf.get(commune), k -> new java.util.HashMap<>());
				sums.forEach((metric, value) -> target.merge(metric, value, Long::sum));
			});
			for (var province : names.keySet()) {
				values.add(valueOf(indicator, province, from, to, byProvince.getOrDefault(province, Map.of())));
			}
		}
		return rank(indicator, values, names);
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
		var byMonth = facts.sumsByMonth(members(unitCode), concat(indicator.numerator(), indicator.denominator()), from, to);
		var result = new ArrayList<IndicatorValue>();
		for (var month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
			var start = month.isBefore(from) ? from : month;
			var end = month.plusMonths(1).minusDays(1);
			result.add(valueOf(indicator, unitCode, start, end.isAfter(to) ? to : end, byMonth.getOrDefault(month, Map.of())));
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
