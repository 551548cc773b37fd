package vn.xaso.insights.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.insights.Indicator;
import vn.xaso.insights.IndicatorValue;
import vn.xaso.insights.Indicators;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * Dashboards for officials: a commune's or a province's indicators, a province's ranking of its
 * communes, and "explain this number" with the numerator, denominator and monthly trend.
 * An official sees their own commune; a province viewer their province and its communes.
 */
@Controller
class InsightsController {

	private final Indicators indicators;
	private final vn.xaso.insights.Targets targets;
	private final vn.xaso.insights.MonthlyReports reports;
	private final vn.xaso.insights.ServiceIndex serviceIndex;
	private final vn.xaso.insights.internal.Entered entered;
	private final Units units;
	private final Clock clock;
	private final vn.xaso.insights.Coverage coverage;

	InsightsController(Indicators indicators, vn.xaso.insights.Targets targets, vn.xaso.insights.MonthlyReports reports,
			vn.xaso.insights.ServiceIndex serviceIndex, vn.xaso.insights.internal.Entered entered, Units units, Clock clock,
			vn.xaso.insights.Coverage coverage) {
		this.coverage = coverage;
		this.indicators = indicators;
		this.entered = entered;
		this.serviceIndex = serviceIndex;
		this.reports = reports;
		this.targets = targets;
		this.units = units;
		this.clock = clock;
	}

	/** An official's own unit: their commune, or for a province viewer the province. */
	@GetMapping("/insights")
	String home(@AuthenticationPrincipal OfficialPrincipal me) {
		return "redirect:/insights/" + me.unitCode();
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}")
	String unit(@PathVariable String unitCode, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var unit = visibleUnit(unitCode);
		var form = Form.of(params);
		var period = Period.parse(params, form, clock);
		var values = indicators.values(unitCode, period.from(), period.to());
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		model.addAttribute("period", period);
		model.addAttribute("values", values);
		model.addAttribute("index", serviceIndex.score(unitCode, period.from(), period.to()));
		model.addAttribute("coverage", coverage.ofServiceIndex(unitCode, period.from(), period.to()));
		model.addAttribute("province", Unit.PROVINCE.equals(unit.level()));
		var thisMonth = java.time.YearMonth.from(period.to());
		model.addAttribute("reportMonths", java.util.stream.Stream.iterate(thisMonth, m -> m.minusMonths(1)).limit(6)
			.map(java.time.YearMonth::toString).toList());
		var rankingCode = params.getOrDefault("indicator", values.isEmpty() ? "" : values.getFirst().indicator().code());
		var rankingIndicator = indicators.find(rankingCode).orElse(values.isEmpty() ? null : values.getFirst().indicator());
		model.addAttribute("rankingIndicator", rankingIndicator);
		model.addAttribute("ranking", Unit.PROVINCE.equals(unit.level()) && rankingIndicator != null
				? indicators.ranking(rankingIndicator, unitCode, period.from(), period.to()) : List.of());
		model.addAttribute("parent", unit.parentCode() != null && me.scope().sees(unit.parentCode())
				? units.find(unit.parentCode()).orElse(null) : null);
		if (Unit.PROVINCE.equals(unit.level())) {
			var sets = targets.sets(unitCode).stream().filter(s -> s.published() || me.unitCode().equals(unitCode)).toList();
			model.addAttribute("summaries", sets.stream().map(targets::summary).toList());
			model.addAttribute("canEditTargets", me.unitCode().equals(unitCode) && me.has(Role.ADMIN));
		}
		else {
			var sets = unit.parentCode() == null ? List.<vn.xaso.insights.Targets.TargetSet>of()
					: targets.sets(unit.parentCode()).stream().filter(vn.xaso.insights.Targets.TargetSet::published).toList();
			model.addAttribute("progress", sets.stream().map(s -> targets.progress(s, unitCode)).toList());
			model.addAttribute("canRegister", me.unitCode().equals(unitCode) && (me.has(Role.LEADER) || me.has(Role.ADMIN)));
		}
		return "insights/unit";
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}")
	String explain(@PathVariable String unitCode, @PathVariable String indicatorCode, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var unit = visibleUnit(unitCode);
		var indicator = indicators.find(indicatorCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = Form.of(params);
		var period = Period.parse(params, form, clock);
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		model.addAttribute("period", period);
		model.addAttribute("value", indicators.value(indicator, unitCode, period.from(), period.to()));
		model.addAttribute("trend", indicators.trend(indicator, unitCode, period.from(), period.to()));
		// The records behind the number: only for officials of that commune, in their own pages.
		var drilldown = indicator.drilldown() != null && unitCode.equals(me.unitCode())
				? indicator.drilldown() + (indicator.drilldown().contains("?") ? "&" : "?") + period.query() : null;
		model.addAttribute("drilldown", drilldown);
		model.addAttribute("canEnter", indicator.kind() == Indicator.Kind.ENTERED && unitCode.equals(me.unitCode())
				&& (me.has(Role.ADMIN) || me.has(Role.LEADER)));
		model.addAttribute("entries", indicator.kind() == Indicator.Kind.ENTERED && Unit.COMMUNE.equals(unit.level())
				? entered.list(unitCode, indicatorCode) : List.of());
		return "insights/explain";
	}

	/** The unit's indicator table as CSV (UTF-8 with BOM so Excel shows Vietnamese). */
	@GetMapping(value = "/insights/{unitCode:[0-9]{2,5}}/export.csv")
	ResponseEntity<byte[]> csv(@PathVariable String unitCode, @RequestParam Map<String, String> params) {
		var unit = visibleUnit(unitCode);
		var period = Period.parse(params, Form.of(params), clock);
		var rows = indicators.values(unitCode, period.from(), period.to());
		var body = Exports.csv(rows, false);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-so-" + unit.code() + "-" + period.to() + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(body);
	}

	@GetMapping(value = "/insights/{unitCode:[0-9]{2,5}}/export.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String unitCode, @RequestParam Map<String, String> params) {
		var unit = visibleUnit(unitCode);
		var period = Period.parse(params, Form.of(params), clock);
		List<IndicatorValue> rows = indicators.values(unitCode, period.from(), period.to());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-so-" + unit.code() + "-" + period.to() + ".xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(Exports.xlsx(unit.name(), period.from(), period.to(), rows));
	}

	/** The province's ranking of its communes for one indicator, as CSV. */
	@GetMapping("/insights/{provinceCode:[0-9]{2}}/ranking.csv")
	ResponseEntity<byte[]> rankingCsv(@PathVariable String provinceCode, @RequestParam Map<String, String> params) {
		var ranking = ranking(provinceCode, params);
		return file(ranking.name() + ".csv", CSV, Exports.rankingCsv(ranking.rows()));
	}

	@GetMapping("/insights/{provinceCode:[0-9]{2}}/ranking.xlsx")
	ResponseEntity<byte[]> rankingXlsx(@PathVariable String provinceCode, @RequestParam Map<String, String> params) {
		var ranking = ranking(provinceCode, params);
		return file(ranking.name() + ".xlsx", XLSX,
				Exports.rankingXlsx(ranking.title(), ranking.indicator(), ranking.period().from(), ranking.period().to(), ranking.rows()));
	}

	/** The monthly trend of one indicator for a unit (the explain page's table). */
	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}/trend.csv")
	ResponseEntity<byte[]> trendCsv(@PathVariable String unitCode, @PathVariable String indicatorCode,
			@RequestParam Map<String, String> params) {
		var unit = visibleUnit(unitCode);
		var indicator = indicators.find(indicatorCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var period = Period.parse(params, Form.of(params), clock);
		var trend = indicators.trend(indicator, unitCode, period.from(), period.to());
		return file("xu-huong-" + unit.code() + "-" + indicator.code() + "-" + period.to() + ".csv", CSV, Exports.trendCsv(trend));
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}/trend.xlsx")
	ResponseEntity<byte[]> trendXlsx(@PathVariable String unitCode, @PathVariable String indicatorCode,
			@RequestParam Map<String, String> params) {
		var unit = visibleUnit(unitCode);
		var indicator = indicators.find(indicatorCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var period = Period.parse(params, Form.of(params), clock);
		var trend = indicators.trend(indicator, unitCode, period.from(), period.to());
		return file("xu-huong-" + unit.code() + "-" + indicator.code() + "-" + period.to() + ".xlsx", XLSX,
				Exports.trendXlsx(indicator.nameVi() + " — " + unit.name() + " — từ " + period.from() + " đến " + period.to(), trend));
	}

	/**
	 * The national view: the nation's figures and the provinces ranked by one indicator. It holds
	 * sums per province only — the same aggregates open data publishes for any unit — so every
	 * official may open it; on a national instance (which consumes all provinces' counters) it is
	 * the national dashboard. Computed in system scope, never showing a record.
	 */
	@GetMapping("/insights/VN")
	String nation(@RequestParam Map<String, String> params, Model model) {
		var form = Form.of(params);
		var period = Period.parse(params, form, clock);
		var all = indicators.all();
		var indicator = indicators.find(params.getOrDefault("indicator", "")).orElse(all.getFirst());
		model.addAttribute("form", form);
		model.addAttribute("period", period);
		model.addAttribute("indicators", all);
		model.addAttribute("rankingIndicator", indicator);
		// One read of the roll-ups for the nation's figures and the provinces' ranking (and one of entered values).
		var nation = Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.systemWide(),
				() -> indicators.nation(indicator, period.from(), period.to()));
		model.addAttribute("values", nation.values());
		model.addAttribute("ranking", nation.ranking());
		return "insights/nation";
	}

	/**
	 * The provinces ranked by one indicator (the national page's table) as CSV, read from the provinces'
	 * roll-ups; like the national page, open to every dashboard official and computed in system scope.
	 */
	@GetMapping("/insights/VN/ranking.csv")
	ResponseEntity<byte[]> nationRankingCsv(@RequestParam Map<String, String> params) {
		var period = Period.parse(params, Form.of(params), clock);
		var indicator = indicators.find(params.getOrDefault("indicator", "")).orElse(indicators.all().getFirst());
		var rows = Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.systemWide(),
				() -> indicators.rankProvinces(indicator, period.from(), period.to()));
		return file("xep-hang-VN-" + indicator.code() + "-" + period.to() + ".csv", CSV, Exports.rankingCsv(rows));
	}

	private record RankingExport(String name, String title, Indicator indicator, Period period, List<Indicators.Ranked> rows) {
	}

	private RankingExport ranking(String provinceCode, Map<String, String> params) {
		var unit = visibleUnit(provinceCode);
		if (!Unit.PROVINCE.equals(unit.level())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var indicator = indicators.find(params.getOrDefault("indicator", "")).orElse(indicators.all().getFirst());
		var period = Period.parse(params, Form.of(params), clock);
		var rows = indicators.ranking(indicator, provinceCode, period.from(), period.to());
		return new RankingExport("xep-hang-" + unit.code() + "-" + indicator.code() + "-" + period.to(),
				"Xếp hạng theo " + indicator.nameVi() + " — " + unit.name() + " — từ " + period.from() + " đến " + period.to(),
				indicator, period, rows);
	}

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(type)
			.body(body);
	}

	/**
	 * The monthly report PDF of a unit: the stored one when it was generated, otherwise made now
	 * (the current month so far, or a month the job has not reached).
	 */
	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/reports/{month:[0-9]{4}-[0-9]{2}}.pdf")
	ResponseEntity<byte[]> report(@PathVariable String unitCode, @PathVariable String month) {
		var unit = visibleUnit(unitCode);
		java.time.YearMonth ym;
		try {
			ym = java.time.YearMonth.parse(month);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (ym.getYear() < 2000 || ym.isAfter(java.time.YearMonth.now(clock.withZone(vn.xaso.platform.metrics.MetricEvent.VIETNAM)))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var pdf = reports.stored(unitCode, ym).orElseGet(() -> reports.render(unitCode, ym));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bao-cao-" + unit.code() + "-" + month + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	/** 404 for a unit the caller may not see, so other communes' codes cannot be probed. */
	private Unit visibleUnit(String unitCode) {
		var unit = units.find(unitCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!Tenancy.current().sees(unitCode)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return unit;
	}
}
