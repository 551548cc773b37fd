package vn.xaso.portal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.units.Unit;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/** Public pages: find your commune, and a commune's home page. */
@Controller
class PortalController {

	private final Units units;
	private final Villages villages;

	PortalController(Units units, Villages villages) {
		this.units = units;
		this.villages = villages;
	}

	@GetMapping("/")
	String home(@RequestParam(defaultValue = "") String q, Model model) {
		var query = q.strip();
		String problem = null;
		List<Unit> results = List.of();
		if (query.length() > 100) {
			problem = "Tên tìm kiếm dài quá 100 ký tự.";
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

	@GetMapping("/x/{communeCode}")
	String commune(@PathVariable String communeCode, Model model) {
		if (!communeCode.matches("[0-9]{5}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		var commune = units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("commune", commune);
		model.addAttribute("province", units.find(commune.provinceCode()).map(Unit::name).orElse(""));
		model.addAttribute("villages", villages.list(communeCode).stream().filter(v -> v.active()).toList());
		return "portal/commune";
	}
}
