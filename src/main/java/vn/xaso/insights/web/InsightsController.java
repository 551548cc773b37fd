package vn.xaso.insights.web;

import java.time.Clock;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.insights.Coverage;
import vn.xaso.insights.Indicators;
import vn.xaso.insights.ServiceIndex;
import vn.xaso.insights.Targets;
import vn.xaso.insights.web.InsightsPages.PeriodFilter;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The dashboard of a commune or a province: its indicators, the service index, a province's ranking of its
 * communes and targets. An official sees their own commune; a province viewer their province and its communes.
 * "Explain this number" is {@link ExplainController}, the national view {@link NationController}, the
 * downloads {@link InsightsExportsController}.
 */
@Controller
class InsightsController {

	private final Indicators indicators;
	private final Targets targets;
	private final ServiceIndex serviceIndex;
	private final Coverage coverage;
	private final Units units;
	private final Clock clock;
	private final MessageSource messages;

	InsightsController(Indicators indicators, Targets targets, ServiceIndex serviceIndex, Coverage coverage, Units units, Clock clock,
			MessageSource messages) {
		this.indicators = indicators;
		this.targets = targets;
		this.serviceIndex = serviceIndex;
		this.coverage = coverage;
		this.units = units;
		this.clock = clock;
		this.messages = messages;
	}

	/** An official's own unit: their commune, or for a province viewer the province. */
	@GetMapping("/insights")
	String home(@AuthenticationPrincipal OfficialPrincipal me) {
		return "redirect:/insights/" + me.unitCode();
	}

	@GetMapping("/insights/{unitCode:[0-9]{2,5}}")
	String unit(@PathVariable String unitCode, PeriodFilter filter, @AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var unit = InsightsPages.visibleUnit(units, unitCode);
		var form = filter.form();
		var period = filter.period(form, clock, messages);
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
		var rankingCode = filter.indicator() != null ? filter.indicator() : values.isEmpty() ? "" : values.getFirst().indicator().code();
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
			var sets = unit.parentCode() == null ? List.<Targets.TargetSet>of()
					: targets.sets(unit.parentCode()).stream().filter(Targets.TargetSet::published).toList();
			model.addAttribute("progress", sets.stream().map(s -> targets.progress(s, unitCode)).toList());
			model.addAttribute("canRegister", me.unitCode().equals(unitCode) && (me.has(Role.LEADER) || me.has(Role.ADMIN)));
		}
		return "insights/unit";
	}
}
