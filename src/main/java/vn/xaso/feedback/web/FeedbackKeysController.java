package vn.xaso.feedback.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.Open311Keys;
import vn.xaso.feedback.web.FeedbackForms.KeyForm;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The administrator's page of Open311 API keys: create (shown once), list, revoke. */
@Controller
class FeedbackKeysController {

	private final Open311Keys keys;
	private final MessageSource messages;

	FeedbackKeysController(Open311Keys keys, MessageSource messages) {
		this.keys = keys;
		this.messages = messages;
	}

	@GetMapping("/admin/feedback/api-keys")
	String list(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), model);
	}

	private String page(OfficialPrincipal me, Form form, Model model) {
		model.addAttribute("keys", keys.list(FeedbackActor.of(me)));
		model.addAttribute("form", form);
		model.addAttribute("unitCode", me.unitCode());
		return "feedback/api-keys";
	}

	@PostMapping("/admin/feedback/api-keys")
	String create(@AuthenticationPrincipal OfficialPrincipal me, @Valid KeyForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		var values = Form.of(form.values(), result);
		if (result.hasErrors()) {
			return page(me, values, model);
		}
		try {
			var key = keys.create(FeedbackActor.of(me), form.name());
			redirect.addFlashAttribute("newKey", key);
			return "redirect:/admin/feedback/api-keys";
		}
		catch (FeedbackException e) {
			return page(me, values.reject(e.field(), e.message(messages, locale)), model);
		}
	}

	@PostMapping("/admin/feedback/api-keys/{id}/revoke")
	String revoke(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			keys.revoke(FeedbackActor.of(me), id);
		}
		catch (Feedback.NotFound e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("feedback.done.keyRevoked", null, locale));
		return "redirect:/admin/feedback/api-keys";
	}
}
