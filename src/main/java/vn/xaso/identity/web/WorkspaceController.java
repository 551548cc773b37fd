package vn.xaso.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.NavLinks;
import vn.xaso.platform.web.TodoList;

/** The official's home after sign-in: what they can do, by role. Modules add their cards as they land. */
@Controller
class WorkspaceController {

	private final NavLinks links;
	private final TodoList todos;

	WorkspaceController(NavLinks links, TodoList todos) {
		this.links = links;
		this.todos = todos;
	}

	@GetMapping("/workspace")
	String workspace(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("links", links.visibleTo(me));
		model.addAttribute("counts", links.countsFor(me));
		model.addAttribute("todos", todos.of(me));
		return "identity/workspace";
	}

	@GetMapping("/admin")
	String admin(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("me", me);
		return "identity/admin";
	}
}
