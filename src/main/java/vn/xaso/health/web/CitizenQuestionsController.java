package vn.xaso.health.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.health.HealthException;
import vn.xaso.health.internal.AskingTheDoctor;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.units.Units;

/**
 * A signed-in citizen's questions to the health station: the list, the form (for the commune whose page they came
 * from), a thread with follow-ups and closing. A question naming a danger sign shows the emergency number at once.
 */
@Controller
class CitizenQuestionsController {

	private final AskingTheDoctor asking;
	private final Units units;
	private final HealthTexts texts;

	CitizenQuestionsController(AskingTheDoctor asking, Units units, HealthTexts texts) {
		this.asking = asking;
		this.units = units;
		this.texts = texts;
	}

	@GetMapping("/citizen/hoi-bac-si")
	String mine(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
		var lines = asking.mine(me);
		model.addAttribute("questions", lines);
		model.addAttribute("askCommune", lines.isEmpty() ? null : units.find(lines.getFirst().unitCode()).orElse(null));
		return "health/mine";
	}

	@GetMapping("/citizen/hoi-bac-si/moi/{communeCode}")
	String askForm(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String communeCode, Model model) {
		return form(communeCode, Form.empty(), model);
	}

	@PostMapping("/citizen/hoi-bac-si/moi/{communeCode}")
	String ask(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable String communeCode, HealthForms.AskForm ask, Model model,
			RedirectAttributes redirect) {
		try {
			var asked = asking.ask(me, communeCode, ask.ask());
			redirect.addFlashAttribute("urgent", asked.urgent());
			redirect.addFlashAttribute("notice", texts.t("health.asked.notice"));
			return "redirect:/citizen/hoi-bac-si/" + asked.id();
		}
		catch (HealthException e) {
			model.addAttribute("urgent", vn.xaso.health.internal.UrgentWords.urgent(ask.form().value("title") + " " + ask.form().value("body")));
			return form(communeCode, texts.reject(ask.form(), e), model);
		}
	}

	@GetMapping("/citizen/hoi-bac-si/{id}")
	String thread(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, Model model) {
		return thread(me, id, Form.empty(), model);
	}

	@PostMapping("/citizen/hoi-bac-si/{id}/hoi-them")
	String followUp(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, HealthForms.TextForm text, Model model,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("urgent", asking.followUp(me, id, text.text()));
			redirect.addFlashAttribute("notice", texts.t("health.followUp.notice"));
			return "redirect:/citizen/hoi-bac-si/" + id;
		}
		catch (HealthException e) {
			return thread(me, id, texts.reject(text.form("body"), e), model);
		}
	}

	@PostMapping("/citizen/hoi-bac-si/{id}/dong")
	String close(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			asking.close(me, id);
			redirect.addFlashAttribute("notice", texts.t("health.closed.notice"));
			return "redirect:/citizen/hoi-bac-si/" + id;
		}
		catch (HealthException e) {
			return thread(me, id, texts.reject(Form.empty(), e), model);
		}
	}

	private String thread(CitizenPrincipal me, long id, Form form, Model model) {
		model.addAttribute("question", asking.mine(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("form", form);
		if (!model.containsAttribute("urgent")) {
			model.addAttribute("urgent", false);
		}
		return "health/question";
	}

	private String form(String communeCode, Form form, Model model) {
		model.addAttribute("commune", FaqController.commune(units, communeCode));
		model.addAttribute("form", form);
		if (!model.containsAttribute("urgent")) {
			model.addAttribute("urgent", false);
		}
		return "health/ask";
	}
}
