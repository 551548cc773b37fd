package vn.xaso.party.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.party.internal.HoldingCellMeetings;
import vn.xaso.party.internal.KeepingNotes;
import vn.xaso.party.internal.ReadingParty;

/** A cell meeting: scheduling it, its page, materials (PDF) and their download, attendance, a member's note on it. */
@Controller
class CellMeetingsController {

	private final ReadingParty reading;
	private final HoldingCellMeetings holding;
	private final KeepingNotes notes;
	private final PartyPages pages;

	CellMeetingsController(ReadingParty reading, HoldingCellMeetings holding, KeepingNotes notes, PartyPages pages) {
		this.reading = reading;
		this.holding = holding;
		this.notes = notes;
		this.pages = pages;
	}

	@PostMapping({ "/party/cells/{id}/meetings", "/citizen/dang/cells/{id}/meetings" })
	String schedule(Authentication auth, @PathVariable long id, PartyForms.MeetingForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		var base = PartyPages.base(caller);
		long[] created = { 0 };
		var back = pages.step(base + "/cells/" + id, redirect, () -> created[0] = holding.schedule(caller, id, form.input()),
				"party.done.meeting");
		return created[0] > 0 ? "redirect:" + base + "/meetings/" + created[0] : back;
	}

	@GetMapping({ "/party/meetings/{id}", "/citizen/dang/meetings/{id}" })
	String show(Authentication auth, @PathVariable long id, Model model) {
		var caller = PartyPages.caller(auth);
		model.addAttribute("view", PartyPages.read(() -> reading.meeting(caller, id)));
		model.addAttribute("base", PartyPages.base(caller));
		return "party/meeting";
	}

	@PostMapping({ "/party/meetings/{id}/materials", "/citizen/dang/meetings/{id}/materials" })
	String material(Authentication auth, @PathVariable long id, PartyForms.MaterialForm form,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/meetings/" + id, redirect,
				() -> holding.addMaterial(caller, id, form.fileTitle(), PartyPages.bytes(file)), "party.done.material");
	}

	@GetMapping({ "/party/meetings/{id}/materials/{fileId}", "/citizen/dang/meetings/{id}/materials/{fileId}" })
	ResponseEntity<byte[]> download(Authentication auth, @PathVariable long id, @PathVariable long fileId) {
		var caller = PartyPages.caller(auth);
		return PartyPages.pdf(PartyPages.read(() -> reading.material(caller, id, fileId)));
	}

	@PostMapping({ "/party/meetings/{id}/attendance", "/citizen/dang/meetings/{id}/attendance" })
	String attendance(Authentication auth, @PathVariable long id, PartyForms.AttendanceForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/meetings/" + id, redirect,
				() -> holding.mark(caller, id, PartyPages.id(form.memberId()), "true".equals(form.present()), form.reason()),
				"party.done.attendance");
	}

	@PostMapping({ "/party/meetings/{id}/notes", "/citizen/dang/meetings/{id}/notes" })
	String note(Authentication auth, @PathVariable long id, PartyForms.NoteForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/meetings/" + id, redirect, () -> notes.write(caller, id, form.body()),
				"party.done.note");
	}
}
