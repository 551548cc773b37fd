package vn.xaso.party.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.party.internal.OrganisingParty;

/**
 * The administrator's one step: registering the commune's first party committee member while there is none. Once the
 * organisation exists the page answers 404: the administrator reads nothing of it.
 */
@Controller
class SetUpController {

	private final OrganisingParty organising;
	private final PartyPages pages;

	SetUpController(OrganisingParty organising, PartyPages pages) {
		this.organising = organising;
		this.pages = pages;
	}

	@GetMapping("/party/setup")
	String form(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		if (!organising.awaitingSetUp(me)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "party/setup";
	}

	@PostMapping("/party/setup")
	String setUp(@AuthenticationPrincipal OfficialPrincipal me, PartyForms.SetUpForm form, RedirectAttributes redirect) {
		if (!organising.awaitingSetUp(me)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		long[] done = { 0 };
		var back = pages.step("/party/setup", redirect, () -> done[0] = organising.setUp(me, form.input()), "party.done.setUp");
		return done[0] > 0 ? "redirect:/workspace" : back;
	}
}
