package vn.xaso.feedback.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.Open311Keys;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The administrator's page of Open311 API keys: create (shown once), list, revoke. */
@Controller
class FeedbackKeysController {

	private final Open311Keys keys;

	FeedbackKeysController(Open311Keys keys) {
		this.keys = keys;
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
	String create(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		try {
			var key = keys.create(FeedbackActor.of(me), params.getOrDefault("name", ""));
			redirect.addFlashAttribute("newKey", key);
			return "redirect:/admin/feedback/api-keys";
		}
		catch (FeedbackException e) {
			return page(me, Form.of(params).reject(e.field(), e.getMessage()), model);
		}
	}

	@PostMapping("/admin/feedback/api-keys/{id}/revoke")
	String revoke(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			keys.revoke(FeedbackActor.of(me), id);
		}
		catch (Feedback.NotFound e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "Đã thu hồi khóa. Ứng dụng dùng khóa này không gửi được phản ánh nữa.");
		return "redirect:/admin/feedback/api-keys";
	}
}
