package vn.xaso.farm.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.farm.FarmException;
import vn.xaso.farm.internal.KeepingFarms;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.web.Form;

/** The list of farms: commune staff see every farm of the commune with its counts and register farms; a farmer sees their own. */
@Controller
class FarmListController {

	private final KeepingFarms farms;
	private final Texts texts;

	FarmListController(KeepingFarms farms, Texts texts) {
		this.farms = farms;
		this.texts = texts;
	}

	@GetMapping("/farm")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), model);
	}

	@PostMapping("/farm")
	String register(@AuthenticationPrincipal OfficialPrincipal me, FarmForms.FarmForm farm, Model model, RedirectAttributes redirect) {
		try {
			farms.register(me, farm.input());
			redirect.addFlashAttribute("notice", texts.t("farm.registeredNotice"));
			return "redirect:/farm";
		}
		catch (FarmException e) {
			return page(me, texts.reject(farm.form(), e), model);
		}
	}

	private String page(OfficialPrincipal me, Form form, Model model) {
		if (me.has(Role.PRODUCER)) {
			model.addAttribute("mine", farms.mine(me));
			return "farm/mine";
		}
		try {
			model.addAttribute("farms", farms.summaries(me));
		}
		catch (FarmException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("form", form);
		return "farm/staff";
	}
}
