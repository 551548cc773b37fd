package vn.xaso.insights.web;

import java.time.Clock;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.insights.Indicator;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.internal.Entered;
import vn.xaso.insights.web.InsightsPages.PeriodFilter;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** "Explain this number": one indicator of a unit with its numerator, denominator and monthly trend, and the trend as a file. */
@Controller
class ExplainController {

	private final Indicators indicators;
	private final Entered entered;
	private final Units units;
	private final Clock clock;
	private final MessageSource messages;

	ExplainController(Indicators indicators, Entered entered, Units units, Clock clock, MessageSource messages) {
		this.indicators = indicators;
		this.entered = entered;
		this.units = units;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}")
	String explain(@PathVariable String unitCode, @PathVariable String indicatorCode, PeriodFilter filter,
			@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
		var indicator = InsightsPages.indicator(indicators, indicatorCode);
		var form = filter.form();
		var period = filter.period(form, clock, messages);
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

	/** The monthly trend of one indicator for a unit (the explain page's table). */
	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}/trend.csv")
	ResponseEntity<byte[]> trendCsv(@PathVariable String unitCode, @PathVariable String indicatorCode, PeriodFilter filter) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
		var indicator = InsightsPages.indicator(indicators, indicatorCode);
		var period = filter.period(filter.form(), clock, messages);
		var trend = indicators.trend(indicator, unitCode, period.from(), period.to());
		return InsightsPages.file("xu-huong-" + unit.code() + "-" + indicator.code() + "-" + period.to() + ".csv", InsightsPages.CSV,
				Exports.trendCsv(trend));
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}/{indicatorCode:[A-Z0-9_]+}/trend.xlsx")
	ResponseEntity<byte[]> trendXlsx(@PathVariable String unitCode, @PathVariable String indicatorCode, PeriodFilter filter) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
		var indicator = InsightsPages.indicator(indicators, indicatorCode);
		var period = filter.period(filter.form(), clock, messages);
		var trend = indicators.trend(indicator, unitCode, period.from(), period.to());
		var title = messages.getMessage("insights.export.trendTitle",
				new Object[] { indicator.nameVi(), unit.name(), period.from().toString(), period.to().toString() }, LocaleContextHolder.getLocale());
		return InsightsPages.file("xu-huong-" + unit.code() + "-" + indicator.code() + "-" + period.to() + ".xlsx", InsightsPages.XLSX,
				Exports.trendXlsx(title, trend));
	}
}
