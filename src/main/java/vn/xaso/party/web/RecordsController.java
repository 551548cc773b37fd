package vn.xaso.party.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.party.internal.KeepingRecords;

/**
 * A member's record (their cell's secretary, the committee, the member themself; each read audited), its change (the
 * secretary, the committee) and a move to another cell (the committee). Officials under /party, citizens under
 * /citizen/dang.
 */
@Controller
class RecordsController {

	private final KeepingRecords records;
	private final PartyPages pages;

	RecordsController(KeepingRecords records, PartyPages pages) {
		this.records = records;
		this.pages = pages;
	}

	@GetMapping({ "/party/cells/{id}/members/{memberId}", "/citizen/dang/cells/{id}/members/{memberId}" })
	String record(Authentication auth, @PathVariable long id, @PathVariable long memberId, Model model) {
		var caller = PartyPages.caller(auth);
		model.addAttribute("view", PartyPages.read(() -> records.read(caller, id, memberId)));
		model.addAttribute("base", PartyPages.base(caller));
		return "party/record";
	}

	@PostMapping({ "/party/cells/{id}/members/{memberId}/record", "/citizen/dang/cells/{id}/members/{memberId}/record" })
	String update(Authentication auth, @PathVariable long id, @PathVariable long memberId, PartyForms.RecordForm form,
			RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/cells/" + id + "/members/" + memberId, redirect,
				() -> records.update(caller, id, memberId, form.input()), "party.done.record");
	}

	@PostMapping({ "/party/cells/{id}/members/{memberId}/move", "/citizen/dang/cells/{id}/members/{memberId}/move" })
	String move(Authentication auth, @PathVariable long id, @PathVariable long memberId, PartyForms.MoveForm form,
			RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		long to = PartyPages.id(form.toCell());
		var moved = new boolean[1];
		var back = pages.step(PartyPages.base(caller) + "/cells/" + id + "/members/" + memberId, redirect, () -> {
			records.move(caller, id, memberId, to);
			moved[0] = true;
		}, "party.done.moved");
		return moved[0] ? "redirect:" + PartyPages.base(caller) + "/cells/" + to + "/members/" + memberId : back;
	}
}
