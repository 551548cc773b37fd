package vn.xaso.setup.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.setup.FirstRunSetup;
import vn.xaso.setup.internal.SetupState;
import vn.xaso.setup.internal.SetupStore;

/** The pages around a first-run setup: "being set up" while it runs, and "finished" once it is. */
@Controller
class SetupDoneController {

	private final SetupStore store;
	private final FirstRunSetup setup;

	SetupDoneController(SetupStore store, FirstRunSetup setup) {
		this.store = store;
		this.setup = setup;
	}

	@GetMapping("/setup/pending")
	String pending(Model model, HttpServletResponse response) {
		if (setup.inProgress()) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "300");
		}
		model.addAttribute("inProgress", setup.inProgress());
		return "setup/pending";
	}

	@GetMapping("/setup/finished")
	String finished(Model model) {
		var state = store.find().filter(SetupState::completed);
		model.addAttribute("unitCode", state.map(SetupState::unitCode).orElse(null));
		model.addAttribute("adminUsername", state.map(SetupState::adminUsername).orElse(null));
		return "setup/finished";
	}
}
