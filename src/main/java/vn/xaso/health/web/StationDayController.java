package vn.xaso.health.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.StationDays;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The doctors' appointment days: one day's list of who comes, the coming half-days and how many each takes. */
@Controller
class StationDayController {

	private final StationDays days;
	private final HealthTexts texts;

	StationDayController(StationDays days, HealthTexts texts) {
		this.days = days;
		this.texts = texts;
	}

	@GetMapping("/health/appointments")
	String day(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable String day, Model model) {
		return page(me, day, Form.empty(), model);
	}

	@PostMapping("/health/appointments/slots")
	String setSlot(@AuthenticationPrincipal OfficialPrincipal me, HealthForms.SlotForm slot, Model model, RedirectAttributes redirect) {
		try {
			days.setCapacity(me, slot.day() == null ? "" : slot.day(), slot.session() == null ? "" : slot.session(),
					slot.capacity() == null ? "" : slot.capacity());
			redirect.addFlashAttribute("notice", texts.t("health.slot.saved"));
			return "redirect:/health/appointments?day=" + slot.day();
		}
		catch (HealthException e) {
			return page(me, slot.day(), texts.reject(slot.form(), e), model);
		}
	}

	/** The doctor's mark on the day list: "yes" came, "no" did not come. */
	record CameForm(@Nullable String came) {
	}

	@PostMapping("/health/appointments/{id}/came")
	String came(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, CameForm came, Model model, RedirectAttributes redirect) {
		try {
			var day = days.mark(me, id, came.came());
			redirect.addFlashAttribute("notice", texts.t("health.days.marked"));
			return "redirect:/health/appointments?day=" + day;
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			return page(me, null, texts.reject(Form.empty(), e), model);
		}
	}

	private String page(OfficialPrincipal me, @Nullable String day, Form form, Model model) {
		try {
			model.addAttribute("view", days.day(me, day));
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "health/days";
	}
}
