package vn.xaso.setup.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.setup.internal.CommuneSetup;

/**
 * A commune's setup on a province instance, through the invitation link the province sent: a first page says who
 * invites whom and what the steps are, then the same wizard as a first-run setup ({@code /setup/{token}/2…7}),
 * resumed where it stopped. A wrong, replaced, spent or expired link gets a plain page (404 / 410).
 */
@Controller
class CommuneSetupController {

	private final CommuneSetup setup;

	CommuneSetupController(CommuneSetup setup) {
		this.setup = setup;
	}

	@GetMapping("/setup/commune/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		var opened = setup.open(token);
		if (opened.status() != CommuneSetup.Status.OPEN || opened.invite() == null) {
			response.setStatus(opened.status() == CommuneSetup.Status.WRONG ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
			model.addAttribute("status", opened.status().name());
			model.addAttribute("communeName", opened.communeName());
			return "province/commune-wrong";
		}
		model.addAttribute("opened", opened);
		model.addAttribute("token", token);
		return "province/commune-setup";
	}

	@GetMapping("/setup/commune/finished")
	String finished(Model model) {
		if (!model.containsAttribute("username")) {
			model.addAttribute("username", "");
		}
		return "province/commune-finished";
	}
}
