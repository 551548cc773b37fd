package vn.xaso.insights.web;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.xaso.insights.Indicators;
import vn.xaso.insights.web.InsightsPages.PeriodFilter;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The national view: the nation's figures and the provinces ranked by one indicator. It holds
 * sums per province only — the same aggregates open data publishes for any unit — so every
 * official may open it; on a national instance (which consumes all provinces' counters) it is
 * the national dashboard. Computed in system scope, never showing a record.
 */
@Controller
class NationController {

	private final Indicators indicators;
	private final Clock clock;
	private final MessageSource messages;

	NationController(Indicators indicators, Clock clock, MessageSource messages) {
		this.indicators = indicators;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/insights/VN")
	String nation(PeriodFilter filter, Model model) {
		var form = filter.form();
		var period = filter.period(form, clock, messages);
		var indicator = filter.indicatorOrFirst(indicators);
		model.addAttribute("form", form);
		model.addAttribute("period", period);
		model.addAttribute("indicators", indicators.all());
		model.addAttribute("rankingIndicator", indicator);
		// One read of the roll-ups for the nation's figures and the provinces' ranking (and one of entered values).
		var nation = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.nation(indicator, period.from(), period.to()));
		model.addAttribute("values", nation.values());
		model.addAttribute("ranking", nation.ranking());
		return "insights/nation";
	}

	/**
	 * The provinces ranked by one indicator (the national page's table) as CSV, read from the provinces'
	 * roll-ups; like the national page, open to every dashboard official and computed in system scope.
	 */
	@GetMapping("/insights/VN/ranking.csv")
	ResponseEntity<byte[]> nationRankingCsv(PeriodFilter filter) {
		var period = filter.period(filter.form(), clock, messages);
		var indicator = filter.indicatorOrFirst(indicators);
		var rows = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.rankProvinces(indicator, period.from(), period.to()));
		return InsightsPages.file("xep-hang-VN-" + indicator.code() + "-" + period.to() + ".csv", InsightsPages.CSV,
				Exports.rankingCsv(rows));
	}
}
