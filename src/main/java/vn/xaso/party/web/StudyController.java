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

import vn.xaso.party.internal.KeepingNotes;
import vn.xaso.party.internal.Studying;

/** Study materials with the member's read mark, and the member's private notes. */
@Controller
class StudyController {

	private final Studying studying;
	private final KeepingNotes notes;
	private final PartyPages pages;

	StudyController(Studying studying, KeepingNotes notes, PartyPages pages) {
		this.studying = studying;
		this.notes = notes;
		this.pages = pages;
	}

	@GetMapping({ "/party/study", "/citizen/dang/study" })
	String list(Authentication auth, Model model) {
		var caller = PartyPages.caller(auth);
		model.addAttribute("view", PartyPages.read(() -> studying.page(caller)));
		model.addAttribute("base", PartyPages.base(caller));
		return "party/study";
	}

	@PostMapping({ "/party/study", "/citizen/dang/study" })
	String add(Authentication auth, PartyForms.StudyForm form, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/study", redirect,
				() -> studying.add(caller, form.title(), "ALL".equals(form.scope()), PartyPages.bytes(file)), "party.done.study");
	}

	@GetMapping({ "/party/study/{id}", "/citizen/dang/study/{id}" })
	ResponseEntity<byte[]> read(Authentication auth, @PathVariable long id) {
		var caller = PartyPages.caller(auth);
		return PartyPages.pdf(PartyPages.read(() -> studying.read(caller, id)));
	}

	@PostMapping({ "/party/study/{id}/read", "/citizen/dang/study/{id}/read" })
	String markRead(Authentication auth, @PathVariable long id, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/study", redirect, () -> studying.markRead(caller, id), "party.done.read");
	}

	@GetMapping({ "/party/notes", "/citizen/dang/notes" })
	String notes(Authentication auth, Model model) {
		var caller = PartyPages.caller(auth);
		model.addAttribute("notes", PartyPages.read(() -> notes.mine(caller)));
		model.addAttribute("base", PartyPages.base(caller));
		return "party/notes";
	}

	@PostMapping({ "/party/notes", "/citizen/dang/notes" })
	String write(Authentication auth, PartyForms.NoteForm form, RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/notes", redirect, () -> notes.write(caller, null, form.body()), "party.done.note");
	}
}
