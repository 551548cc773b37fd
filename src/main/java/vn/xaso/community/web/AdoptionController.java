package vn.xaso.community.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.HouseholdAddresses;
import vn.xaso.community.internal.ReadingAdoption;
import vn.xaso.identity.OfficialPrincipal;

/**
 * Digital adoption per village (the commune's figures over time are on its insights dashboard), and making the
 * digital address record of a household kept before records were made.
 */
@Controller
class AdoptionController {

	private final Actors actors;
	private final ReadingAdoption adoption;
	private final HouseholdAddresses addresses;

	AdoptionController(Actors actors, ReadingAdoption adoption, HouseholdAddresses addresses) {
		this.actors = actors;
		this.adoption = adoption;
		this.addresses = addresses;
	}

	@GetMapping("/community/adoption")
	String adoption(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var actor = actors.of(me);
		model.addAttribute("lines", adoption.byVillage(actor));
		model.addAttribute("dashboard", actor.staff() ? "/insights/" + me.unitCode() : null);
		return "community/adoption";
	}

	@PostMapping("/community/households/{id}/address")
	String makeAddress(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		try {
			return "redirect:/addresses/" + addresses.make(actors.of(me), id).id();
		}
		catch (CommunityException e) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
	}
}
