package vn.xaso.setup.web;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.setup.internal.SetupWizard;

/** What every setup page shares: the token check, the step bar, and turning a refusal into inline errors. */
@Component
class SetupPages {

	private final SetupWizard wizard;

	SetupPages(SetupWizard wizard) {
		this.wizard = wizard;
	}

	/**
	 * Shows step {@code step} of the setup behind {@code token}: a wrong token gets 404 and a plain page,
	 * a finished setup 410 and its own page, a step not reached yet a redirect to the current one.
	 */
	String show(String token, int step, Model model, HttpServletResponse response, Supplier<String> view) {
		switch (wizard.access(token)) {
			case WRONG -> {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				return "setup/wrong";
			}
			case FINISHED -> {
				response.setStatus(HttpServletResponse.SC_GONE);
				return "setup/used";
			}
			default -> {
			}
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
			e.errors().forEach(form::reject);
			model.addAttribute("form", form);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(token, step, model, response, view);
		}
	}

	static String stepPath(String token, int step) {
		return "/setup/" + token + "/" + step;
	}
}
