package vn.xaso.setup.web;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.CommuneSetup;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.setup.internal.SetupWizard;

/**
 * What every setup page shares, for a first-run setup and an invited commune's alike: the token check, the step
 * bar, and turning a refusal into inline errors.
 */
@Component
class SetupPages {

	private final SetupWizard wizard;
	private final CommuneSetup communeSetup;

	SetupPages(SetupWizard wizard, CommuneSetup communeSetup) {
		this.wizard = wizard;
		this.communeSetup = communeSetup;
	}

	/**
	 * Shows step {@code step} of the setup behind {@code token}: a wrong token gets 404 and a plain page, a finished
	 * setup or a spent invitation 410 and its own page, a step not reached yet a redirect to the current one.
	 */
	String show(String token, int step, Model model, HttpServletResponse response, Supplier<String> view) {
		var access = wizard.access(token);
		if (access != SetupWizard.Access.OPEN) {
			return closed(token, access, model, response);
		}
		var state = wizard.state(token);
		if (!state.mayOpen(step)) {
			return "redirect:/setup/" + token + "/" + state.step();
		}
		model.addAttribute("token", token);
		model.addAttribute("state", state);
		model.addAttribute("step", step);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Form.empty());
		}
		return view.get();
	}

	/** Runs a change; on a refusal re-shows the step with the messages, otherwise goes to {@code next}. */
	String change(String token, int step, Form form, Model model, HttpServletResponse response, Runnable work,
			Supplier<String> view, String next) {
		if (wizard.access(token) != SetupWizard.Access.OPEN) {
			return show(token, step, model, response, view);
		}
		try {
			work.run();
			return "redirect:" + next;
		}
		catch (SetupException e) {
			e.localErrors().forEach(form::reject);
			model.addAttribute("form", form);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(token, step, model, response, view);
		}
	}

	private String closed(String token, SetupWizard.Access access, Model model, HttpServletResponse response) {
		if (access == SetupWizard.Access.WRONG) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "setup/wrong";
		}
		response.setStatus(HttpServletResponse.SC_GONE);
		var opened = communeSetup.open(token);
		if (opened.status() == CommuneSetup.Status.WRONG) {
			return "setup/used";
		}
		// An invitation link that is spent, expired or replaced: the province's own plain page.
		model.addAttribute("status", opened.status().name());
		model.addAttribute("communeName", opened.communeName());
		return "province/commune-wrong";
	}

	static String stepPath(String token, int step) {
		return "/setup/" + token + "/" + step;
	}
}
