package vn.xaso.economy.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.internal.KeepingProducers;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.payments.Payments;
import vn.xaso.platform.web.Form;

/** Commune staff: the marketplace figures, the producers, registering and verifying one, giving it an account. */
@Controller
class ProducersController {

	private final KeepingProducers keeping;
	private final Payments payments;
	private final Texts texts;

	ProducersController(KeepingProducers keeping, Payments payments, Texts texts) {
		this.keeping = keeping;
		this.payments = payments;
		this.texts = texts;
	}

	@GetMapping("/economy")
	String home(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("figures", keeping.figures(me));
		model.addAttribute("producers", keeping.all(me));
		return "economy/staff";
	}

	@GetMapping("/economy/producers/new")
	String newForm(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return form(Form.empty().value("kind", "COOPERATIVE"), model);
	}

	@PostMapping("/economy/producers")
	String create(@AuthenticationPrincipal OfficialPrincipal me, EconomyForms.ProducerForm producer, Model model,
			RedirectAttributes redirect) {
		try {
			long id = keeping.register(me, producer.input());
			redirect.addFlashAttribute("notice", texts.t("economy.producer.saved"));
			return "redirect:/economy/producers/" + id;
		}
		catch (EconomyException e) {
			return form(texts.reject(producer.form(), e), model);
		}
	}

	@GetMapping("/economy/producers/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return show(me, id, Form.empty(), model);
	}

	@PostMapping("/economy/producers/{id}/verify")
	String verify(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			keeping.verify(me, id);
			redirect.addFlashAttribute("notice", texts.t("economy.producer.verifiedNotice"));
			return "redirect:/economy/producers/" + id;
		}
		catch (EconomyException e) {
			return show(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	@PostMapping("/economy/producers/{id}/account")
	String account(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, EconomyForms.AccountForm account,
			jakarta.servlet.http.HttpServletRequest request, Model model, RedirectAttributes redirect) {
		try {
			var path = keeping.giveAccount(me, id, account.username() == null ? "" : account.username());
			redirect.addFlashAttribute("notice", texts.t("economy.producer.accountNotice", ShopController.base(request) + path));
			return "redirect:/economy/producers/" + id;
		}
		catch (EconomyException e) {
			return show(me, id, texts.reject(Form.empty().value("username", account.username()), e), model);
		}
	}

	private String show(OfficialPrincipal me, long id, Form form, Model model) {
		model.addAttribute("producer", keeping.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("form", form);
		model.addAttribute("banks", payments.vietQrBanks());
		return "economy/staff-producer";
	}

	private String form(Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("banks", payments.vietQrBanks());
		return "economy/producer-new";
	}
}
