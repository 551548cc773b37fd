package vn.xaso.setup.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.CommuneSetup;
import vn.xaso.setup.internal.SetupException;

/**
 * A commune's setup on a province instance, through the invitation link the province sent: create the
 * commune's administrator, then finish. A wrong, spent or expired link gets a plain page (404 / 410).
 */
@Controller
class CommuneSetupController {

	/** The typed form of step 1. */
	record AdminForm(@Nullable String username, @Nullable String password, @Nullable String passwordAgain) {
	}

	private final CommuneSetup setup;

	CommuneSetupController(CommuneSetup setup) {
		this.setup = setup;
	}

	@GetMapping("/setup/commune/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(token, Form.empty(), model, response);
	}

	@PostMapping("/setup/commune/{token}/admin")
	String admin(@PathVariable String token, AdminForm in, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			setup.createAdmin(token, new CommuneSetup.NewAdmin(in.username(), in.password(), in.passwordAgain()))
				.ifPresent(warning -> redirect.addFlashAttribute("warning", warning));
			return "redirect:/setup/commune/" + token;
		}
		catch (SetupException e) {
			var form = Form.empty().value("username", in.username());
			e.errors().forEach((field, message) -> form.reject("_page".equals(field) ? "username" : field, message));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(token, form, model, response);
		}
	}

	@PostMapping("/setup/commune/{token}/finish")
	String finish(@PathVariable String token, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("username", setup.finish(token));
			return "redirect:/setup/commune/finished";
		}
		catch (SetupException e) {
			var form = Form.empty().reject("finish", e.getMessage());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(token, form, model, response);
		}
	}

	@GetMapping("/setup/commune/finished")
	String finished(Model model) {
		if (!model.containsAttribute("username")) {
			model.addAttribute("username", "");
		}
		return "province/commune-finished";
	}

	private String page(String token, Form form, Model model, HttpServletResponse response) {
		var opened = setup.open(token);
		if (opened.status() != CommuneSetup.Status.OPEN || opened.invite() == null) {
			response.setStatus(opened.status() == CommuneSetup.Status.WRONG ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
			model.addAttribute("status", opened.status().name());
			model.addAttribute("communeName", opened.communeName());
			return "province/commune-wrong";
		}
		if (!model.containsAttribute("warning")) {
			model.addAttribute("warning", "");
		}
		model.addAttribute("opened", opened);
		model.addAttribute("form", form);
		model.addAttribute("token", token);
		return "province/commune-setup";
	}
}
