package vn.xaso.setup.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.FirstSignIn;
import vn.xaso.setup.internal.SetupException;

/** An official's first-sign-in link: choose a password, then sign in. */
@Controller
class FirstSignInController {

	private final FirstSignIn firstSignIn;

	FirstSignInController(FirstSignIn firstSignIn) {
		this.firstSignIn = firstSignIn;
	}

	@GetMapping("/setup/welcome/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(token, Form.empty(), model, response);
	}

	@PostMapping("/setup/welcome/{token}")
	String choose(@PathVariable String token, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String passwordAgain, Model model, HttpServletResponse response) {
		try {
			var username = firstSignIn.choosePassword(token, password == null ? "" : password,
					passwordAgain == null ? "" : passwordAgain);
			model.addAttribute("username", username);
			return "setup/welcomeDone";
		}
		catch (SetupException e) {
			var form = Form.empty();
			e.localErrors().forEach(form::reject);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(token, form, model, response);
		}
	}

	private String page(String token, Form form, Model model, HttpServletResponse response) {
		var invite = firstSignIn.usable(token);
		if (invite.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "setup/welcomeWrong";
		}
		model.addAttribute("invite", invite.get());
		model.addAttribute("form", form);
		model.addAttribute("token", token);
		return "setup/welcome";
	}
}
