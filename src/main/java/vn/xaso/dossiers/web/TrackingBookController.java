package vn.xaso.dossiers.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.internal.TrackingBookImport;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * Carrying over the paper tracking book (sổ theo dõi hồ sơ) of the current year: upload the XLSX and
 * check it (dry run, row errors in Vietnamese, nothing written; the checked file waits in the session),
 * then import it (all rows or none; a second import of the same book adds nothing). Administrator only.
 */
@Controller
class TrackingBookController {

	static final String PENDING = "xaso.dossiers.book.pending";
	static final int MAX_BYTES = 2 * 1024 * 1024; // kept in the (database) session between check and import

	private final TrackingBookImport book;

	TrackingBookController(TrackingBookImport book) {
		this.book = book;
	}

	@GetMapping("/dossiers/settings/book")
	String page(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), null, model);
	}

	@PostMapping("/dossiers/settings/book/check")
	String check(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) @Nullable MultipartFile file,
			HttpSession session, Model model, HttpServletResponse response) {
		var form = Form.empty();
		session.removeAttribute(PENDING);
		try {
			var content = content(file);
			var checked = book.check(Caller.of(me), content);
			if (checked.wrong() == 0 && checked.fresh() > 0) {
				session.setAttribute(PENDING, content);
			}
			return page(me, form, checked, model);
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			WebInput.errors(e).forEach(form::reject);
			return page(me, form, null, model);
		}
	}

	@PostMapping("/dossiers/settings/book/import")
	String importBook(@AuthenticationPrincipal OfficialPrincipal me, HttpSession session, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!(session.getAttribute(PENDING) instanceof byte[] content)) {
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.book.nothingPending"));
			return "redirect:/dossiers/settings/book";
		}
		try {
			int added = book.importBook(Caller.of(me), content);
			session.removeAttribute(PENDING);
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.book.imported", String.valueOf(added)));
			return "redirect:/dossiers/settings/book";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.empty();
			WebInput.errors(e).forEach(form::reject);
			return page(me, form, null, model);
		}
	}

	private String page(OfficialPrincipal me, Form form, TrackingBookImport.@Nullable Check checked, Model model) {
		var caller = Caller.of(me);
		model.addAttribute("form", form);
		model.addAttribute("checked", checked);
		model.addAttribute("year", book.year());
		model.addAttribute("count", book.count(caller));
		model.addAttribute("entries", book.entries(caller, 50));
		return "dossiers/bookImport";
	}

	private static byte[] content(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw DossierException.of("file", "dossiers.say.book.chooseFile");
		}
		if (file.getSize() > MAX_BYTES) {
			throw DossierException.of("file", "dossiers.say.book.tooLarge");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw DossierException.of("file", "dossiers.say.book.unreadable");
		}
	}
}
