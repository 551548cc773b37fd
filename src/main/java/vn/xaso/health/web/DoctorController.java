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
import vn.xaso.health.internal.AnsweringQuestions;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The doctors' desk: the questions to their station (waiting and urgent first), one thread, answer, close, publish. */
@Controller
class DoctorController {

	private final AnsweringQuestions answering;
	private final HealthTexts texts;

	DoctorController(AnsweringQuestions answering, HealthTexts texts) {
		this.answering = answering;
		this.texts = texts;
	}

	@GetMapping("/health")
	String desk(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		try {
			model.addAttribute("questions", answering.station(me));
		}
		catch (HealthException e) {
			HealthTexts.refuseAccess(e);
			throw e;
		}
		return "health/desk";
	}

	@GetMapping("/health/questions/{id}")
	String show(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return show(me, id, Form.empty(), model);
	}

	@PostMapping("/health/questions/{id}/answer")
	String answer(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, HealthForms.TextForm text, Model model,
			RedirectAttributes redirect) {
		return step(me, id, () -> answering.answer(me, id, text.text()), "health.answered.notice", text.form("body"), model, redirect);
	}

	@PostMapping("/health/questions/{id}/close")
	String close(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		return step(me, id, () -> answering.close(me, id), "health.closed.notice", Form.empty(), model, redirect);
	}

	@PostMapping("/health/questions/{id}/publish")
	String publish(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		return step(me, id, () -> answering.publish(me, id), "health.published.notice", Form.empty(), model, redirect);
	}

	private String step(OfficialPrincipal me, long id, Runnable work, String notice, Form form, Model model, RedirectAttributes redirect) {
		try {
			work.run();
			redirect.addFlashAttribute("notice", texts.t(notice));
			return "redirect:/health/questions/" + id;
		}
		catch (HealthException e) {
			return show(me, id, texts.reject(form, e), model);
		}
	}

	private String show(OfficialPrincipal me, long id, Form form, Model model) {
		model.addAttribute("question", answering.find(me, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("form", form);
		return "health/doctor-question";
	}
}
