package vn.xaso.insights.web;

import java.time.Clock;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.insights.Indicator;
import vn.xaso.insights.IndicatorValue;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.MonthlyReports;
import vn.xaso.insights.web.InsightsPages.PeriodFilter;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** The dashboard's downloads: a unit's indicator table (CSV, XLSX), a province's ranking of its communes, the monthly report PDF. */
@Controller
class InsightsExportsController {

	private final Indicators indicators;
	private final MonthlyReports reports;
	private final Units units;
	private final Clock clock;
	private final MessageSource messages;

	InsightsExportsController(Indicators indicators, MonthlyReports reports, Units units, Clock clock, MessageSource messages) {
		this.indicators = indicators;
		this.reports = reports;
		this.units = units;
		this.clock = clock;
		this.messages = messages;
	}

	/** The unit's indicator table as CSV (UTF-8 with BOM so Excel shows Vietnamese). */
	@GetMapping(value = "/insights/{unitCode:[0-9]{2,5}}/export.csv")
	ResponseEntity<byte[]> csv(@PathVariable String unitCode, PeriodFilter filter) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
		var period = filter.period(filter.form(), clock, messages);
		var rows = indicators.values(unitCode, period.from(), period.to());
		return InsightsPages.file("chi-so-" + unit.code() + "-" + period.to() + ".csv", InsightsPages.CSV, Exports.csv(rows, false));
	}

	@GetMapping(value = "/insights/{unitCode:[0-9]{2,5}}/export.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String unitCode, PeriodFilter filter) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
		var period = filter.period(filter.form(), clock, messages);
		List<IndicatorValue> rows = indicators.values(unitCode, period.from(), period.to());
		return InsightsPages.file("chi-so-" + unit.code() + "-" + period.to() + ".xlsx", InsightsPages.XLSX,
				Exports.xlsx(unit.name(), period.from(), period.to(), rows));
	}

	/** The province's ranking of its communes for one indicator, as CSV. */
	@GetMapping("/insights/{provinceCode:[0-9]{2}}/ranking.csv")
	ResponseEntity<byte[]> rankingCsv(@PathVariable String provinceCode, PeriodFilter filter) {
		var ranking = ranking(provinceCode, filter);
		return InsightsPages.file(ranking.name() + ".csv", InsightsPages.CSV, Exports.rankingCsv(ranking.rows()));
	}

	@GetMapping("/insights/{provinceCode:[0-9]{2}}/ranking.xlsx")
	ResponseEntity<byte[]> rankingXlsx(@PathVariable String provinceCode, PeriodFilter filter) {
		var ranking = ranking(provinceCode, filter);
		return InsightsPages.file(ranking.name() + ".xlsx", InsightsPages.XLSX,
				Exports.rankingXlsx(ranking.title(), ranking.indicator(), ranking.period().from(), ranking.period().to(), ranking.rows()));
	}

	/**
	 * The monthly report PDF of a unit: the stored one when it was generated, otherwise made now
	 * (the current month so far, or a month the job has not reached).
	 */
	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/reports/{month:[0-9]{4}-[0-9]{2}}.pdf")
	ResponseEntity<byte[]> report(@PathVariable String unitCode, @PathVariable String month) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
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

	private record RankingExport(String name, String title, Indicator indicator, Period period, List<Indicators.Ranked> rows) {
	}

	private RankingExport ranking(String provinceCode, PeriodFilter filter) {
		var unit = InsightsPages.visibleUnit(units, provinceCode);
		if (!Unit.PROVINCE.equals(unit.level())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var indicator = filter.indicatorOrFirst(indicators);
		var period = filter.period(filter.form(), clock, messages);
		var rows = indicators.ranking(indicator, provinceCode, period.from(), period.to());
		var title = messages.getMessage("insights.export.rankingTitle",
				new Object[] { indicator.nameVi(), unit.name(), period.from().toString(), period.to().toString() }, LocaleContextHolder.getLocale());
		return new RankingExport("xep-hang-" + unit.code() + "-" + indicator.code() + "-" + period.to(), title, indicator, period, rows);
	}
}
