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

import vn.xaso.party.internal.KeepingLibrary;

/** The library of resolutions and directives: search without diacritics, read (PDF), file one (the committee). */
@Controller
class LibraryController {

	private final KeepingLibrary library;
	private final PartyPages pages;

	LibraryController(KeepingLibrary library, PartyPages pages) {
		this.library = library;
		this.pages = pages;
	}

	@GetMapping({ "/party/library", "/citizen/dang/library" })
	String list(Authentication auth, PartyForms.SearchQuery query, Model model) {
		var caller = PartyPages.caller(auth);
		var q = query.q() == null ? "" : query.q().strip();
		model.addAttribute("documents", PartyPages.read(() -> library.search(caller, q)));
		model.addAttribute("mayFile", library.mayFile(caller));
		model.addAttribute("q", q);
		model.addAttribute("base", PartyPages.base(caller));
		return "party/library";
	}

	@PostMapping({ "/party/library", "/citizen/dang/library" })
	String file(Authentication auth, PartyForms.DocumentForm form, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			RedirectAttributes redirect) {
		var caller = PartyPages.caller(auth);
		return pages.step(PartyPages.base(caller) + "/library", redirect, () -> library.file(caller, form.input(), PartyPages.bytes(file)),
				"party.done.document");
	}

	@GetMapping({ "/party/library/{id}", "/citizen/dang/library/{id}" })
	ResponseEntity<byte[]> read(Authentication auth, @PathVariable long id) {
		var caller = PartyPages.caller(auth);
		return PartyPages.pdf(PartyPages.read(() -> library.read(caller, id)));
	}
}
