package vn.xaso.economy.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.internal.RecallingLots;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** Commune staff: the commune's batches, one batch with its diary, and its recall. */
@Controller
class LotsStaffController {

	private final RecallingLots recalls;
	private final Texts texts;

	LotsStaffController(RecallingLots recalls, Texts texts) {
		this.recalls = recalls;
		this.texts = texts;
	}

	@GetMapping("/economy/lots")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		try {
			model.addAttribute("lots", recalls.ofCommune(me));
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		return "economy/staff-lots";
	}

	@GetMapping("/economy/lots/{id}")
	String lot(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return lot(me, id, Form.empty(), model);
	}

	@PostMapping("/economy/lots/{id}/recall")
	String recall(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, LotForms.RecallForm recall,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			var done = recalls.byCommune(me, id, recall.text());
			redirect.addFlashAttribute("notice", texts.t("economy.lot.recalledNotice", done.buyersTold()));
			return "redirect:/economy/lots/" + id;
		}
		catch (EconomyException e) {
			response.setStatus(Texts.status(e));
			return lot(me, id, texts.reject(recall.form(), e), model);
		}
	}

	private String lot(OfficialPrincipal me, long id, Form recall, Model model) {
		try {
			model.addAttribute("view", recalls.ofCommune(me, id));
		}
		catch (EconomyException e) {
			Texts.refuseAccess(e);
			throw e;
		}
		model.addAttribute("recall", recall);
		return "economy/staff-lot";
	}
}
