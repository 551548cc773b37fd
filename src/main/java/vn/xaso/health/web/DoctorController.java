package vn.xaso.health.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/**
 * The doctors' desk: the questions to their station (waiting and urgent first; a question waiting longer than the
 * station's answer-time target, {@code xaso.health.answer-target-hours}, 24 by default, is marked late), one thread
 * with its photos and the asker's rating, answer, close, publish.
 */
@Controller
class DoctorController {

	private final AnsweringQuestions answering;
	private final HealthTexts texts;
	private final Clock clock;
	private final Duration target;

	DoctorController(AnsweringQuestions answering, HealthTexts texts, Clock clock,
			@Value("${xaso.health.answer-target-hours:24}") int targetHours) {
		this.answering = answering;
		this.texts = texts;
		this.clock = clock;
		this.target = Duration.ofHours(Math.max(1, targetHours));
	}

	@GetMapping("/health")
	String desk(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		try {
			model.addAttribute("questions", answering.station(me));
			model.addAttribute("lateBefore", clock.instant().minus(target));
			model.addAttribute("targetHours", target.toHours());
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

	@GetMapping("/health/questions/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long photoId) {
		return CitizenQuestionsController.jpeg(answering.photo(me, id, photoId, false).orElse(null));
	}

	@GetMapping("/health/questions/{id}/photos/{photoId}/thumb")
	ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @PathVariable long photoId) {
		return CitizenQuestionsController.jpeg(answering.photo(me, id, photoId, true).orElse(null));
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
		model.addAttribute("extras", answering.extras(me, id));
		model.addAttribute("form", form);
		return "health/doctor-question";
	}
}
