package vn.xaso.party.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.party.internal.OrganisingParty;
import vn.xaso.party.internal.ReadingParty;

/**
 * A member's home (their cell, or every cell for the committee), a cell's page, and the organisation's steps: a new cell
 * (the committee), a member added or taken off (the secretary, the committee). Officials under /party, citizens under
 * /citizen/dang.
 */
@Controller
class CellsController {

	private final ReadingParty reading;
	private final OrganisingParty organising;
	private final PartyPages pages;

	CellsController(ReadingParty reading, OrganisingParty organising, PartyPages pages) {
		this.reading = reading;
		this.organising = organising;
		this.pages = pages;
	}

	@GetMapping({ "/party", "/citizen/dang" })
	String home(Authentication auth, Model model) {
		var caller = PartyPages.caller(auth);
		model.addAttribute("home", PartyPages.read(() -> reading.home(caller)));
		model.addAttribute("base", PartyPages.base(caller));
		return "party/home";
	}

	@PostMapping({ "/party/cells", "/citizen/dang/cells" })
	String create(Authentication auth, PartyForms.CellForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller), redirect, () -> organising.createCell(caller, form.cellName(), form.villageCode()), "party.done.cell");
	}

	@PostMapping({ "/party/organisation", "/citizen/dang/organisation" })
	String nameOrganisation(Authentication auth, PartyForms.OrganisationForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller), redirect, () -> organising.nameOrganisation(caller, form.organisation()),
				"party.done.organisation");
	}

	@PostMapping({ "/party/cells/{id}/village", "/citizen/dang/cells/{id}/village" })
	String village(Authentication auth, @PathVariable long id, PartyForms.VillageForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/cells/" + id, redirect, () -> organising.setVillage(caller, id, form.villageCode()),
				"party.done.village");
	}

	@GetMapping({ "/party/cells/{id}", "/citizen/dang/cells/{id}" })
	String cell(Authentication auth, @PathVariable long id, Model model) {
		var caller = PartyPages.caller(auth);
		model.addAttribute("view", PartyPages.read(() -> reading.cell(caller, id)));
		model.addAttribute("base", PartyPages.base(caller));
		return "party/cell";
	}

	@PostMapping({ "/party/cells/{id}/members", "/citizen/dang/cells/{id}/members" })
	String addMember(Authentication auth, @PathVariable long id, PartyForms.MemberForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/cells/" + id, redirect, () -> organising.addMember(caller, id, form.input()),
				"party.done.member");
	}

	@PostMapping({ "/party/cells/{id}/members/{memberId}/remove", "/citizen/dang/cells/{id}/members/{memberId}/remove" })
	String removeMember(Authentication auth, @PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/cells/" + id, redirect, () -> organising.removeMember(caller, id, memberId),
				"party.done.removed");
	}
}
