package vn.xaso.units.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.web.Form;
import vn.xaso.units.NotYourUnitException;
import vn.xaso.units.Unit;
import vn.xaso.units.UnitValidationException;
import vn.xaso.units.Units;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/** The administrator's page for their own commune: its details and its villages. */
@Controller
class AdminUnitsController {

	private final Units units;
	private final Villages villages;
	private final org.springframework.context.MessageSource messages;

	AdminUnitsController(Units units, Villages villages, org.springframework.context.MessageSource messages) {
		this.units = units;
		this.villages = villages;
		this.messages = messages;
	}

	/** A message of the units bundle in the reader's language. */
	private String text(String key, Object... args) {
		return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	@GetMapping("/admin/units")
	String page(Model model) {
		return render(model, Form.empty(), null);
	}

	@PostMapping("/admin/units/villages")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = Village.HAMLET) String type,
			Model model, RedirectAttributes redirect) {
		var unit = ownCommune();
		try {
			var village = villages.create(unit.code(), name, type);
			redirect.addFlashAttribute("notice", text("units.done.villageAdded", village.fullName()));
			return "redirect:/admin/units";
		}
		catch (UnitValidationException e) {
			return render(model, Form.empty().value("name", name).value("type", type).reject("name", e.localMessage()), null);
		}
	}

	@PostMapping("/admin/units/villages/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		var village = ownVillage(id);
		villages.deactivate(id);
		redirect.addFlashAttribute("notice", text("units.done.villageStopped", village.fullName()));
		return "redirect:/admin/units";
	}

	private String render(Model model, Form form, String problem) {
		var unit = ownCommune();
		model.addAttribute("unit", unit);
		model.addAttribute("province", units.find(unit.provinceCode()).map(Unit::name).orElse(""));
		model.addAttribute("villages", villages.list(unit.code()));
		model.addAttribute("types", Village.TYPES);
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		return "units/admin";
	}

	private Village ownVillage(long id) {
		var unit = ownCommune();
		return villages.list(unit.code()).stream().filter(v -> v.id() == id).findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Villages belong to communes; a province administrator has none to manage here. */
	private Unit ownCommune() {
		var code = Tenancy.homeUnit().orElse("");
		return units.find(code).filter(u -> Unit.COMMUNE.equals(u.level())).orElseThrow(NotYourUnitException::new);
	}
}
