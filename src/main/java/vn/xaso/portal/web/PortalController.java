package vn.xaso.portal.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** Public pages: find your commune, and a commune's home page. */
@Controller
class PortalController {

	private final Units units;
	private final MessageSource messages;

	PortalController(Units units, MessageSource messages) {
		this.units = units;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(@RequestParam(defaultValue = "") String q, java.util.Locale locale, Model model) {
		var query = q.strip();
		String problem = null;
		List<Unit> results = List.of();
		if (query.length() > 100) {
			problem = messages.getMessage("portal.error.communeSearchLong", null, locale);
		}
		else if (!query.isEmpty()) {
			results = units.searchCommunes(query, 30);
		}
		model.addAttribute("q", query);
		model.addAttribute("problem", problem);
		model.addAttribute("results", results);
		model.addAttribute("provinces", results.stream().map(u -> units.find(u.provinceCode()).map(Unit::name).orElse("")).toList());
		model.addAttribute("featured", List.of(units.find("14701"), units.find("16144")).stream().flatMap(java.util.Optional::stream).toList());
		return "portal/home";
	}
}
