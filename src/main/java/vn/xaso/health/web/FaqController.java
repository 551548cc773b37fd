package vn.xaso.health.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.health.HealthFaq;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/** The station's public answers on the commune site: search without diacritics, one answer's page. No names shown. */
@Controller
class FaqController {

	private final HealthFaq faq;
	private final Units units;

	FaqController(HealthFaq faq, Units units) {
		this.faq = faq;
		this.units = units;
	}

	@GetMapping("/x/{communeCode}/hoi-bac-si")
	String list(@PathVariable String communeCode, HealthForms.FaqQuery query, Model model) {
		var commune = commune(units, communeCode);
		model.addAttribute("commune", commune);
		model.addAttribute("q", query.words());
		model.addAttribute("entries", faq.search(commune.code(), query.words(), 50));
		model.addAttribute("notices", faq.notices(commune.code(), 10));
		return "health/faq";
	}

	@GetMapping("/x/{communeCode}/hoi-bac-si/{id}")
	String entry(@PathVariable String communeCode, @PathVariable long id, Model model) {
		var commune = commune(units, communeCode);
		model.addAttribute("commune", commune);
		model.addAttribute("question", faq.entry(commune.code(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "health/faq-entry";
	}

	static Unit commune(Units units, String communeCode) {
		if (!communeCode.matches("[0-9]{5}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
