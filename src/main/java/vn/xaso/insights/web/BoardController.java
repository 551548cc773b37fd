package vn.xaso.insights.web;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.insights.ServiceIndex;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The public transparency board of a commune: its QĐ 766 service index and the five groups,
 * each with the numbers behind it. Aggregates only — no dossier, no name, no phone.
 */
@Controller
class BoardController {

	private final ServiceIndex index;
	private final Units units;
	private final Clock clock;
	private final MessageSource messages;

	BoardController(ServiceIndex index, Units units, Clock clock, MessageSource messages) {
		this.index = index;
		this.units = units;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/board/{communeCode}")
	String board(@PathVariable String communeCode, InsightsPages.PeriodFilter filter, Model model,
			HttpServletResponse response) {
		var unit = units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = filter.form();
		var period = filter.period(form, clock, messages);
		var score = Tenancy.callAs(UnitScope.systemWide(), () -> index.score(unit.code(), period.from(), period.to()));
		response.setHeader("Cache-Control", CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic().getHeaderValue());
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		model.addAttribute("period", period);
		model.addAttribute("score", score);
		model.addAttribute("indexName", index.name());
		model.addAttribute("indexSource", index.source());
		return "insights/board";
	}
}
