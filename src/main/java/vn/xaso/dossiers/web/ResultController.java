package vn.xaso.dossiers.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Results;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.FormAnswers;
import vn.xaso.platform.web.DownloadNames;
import vn.xaso.platform.web.Form;

/**
 * The result-filling page: the specialist completes the result's fields (prefilled from the e-form) and previews
 * the PDF the leader will sign; after signing, the clerk or one-stop officer adds the commune's seal.
 */
@Controller
class ResultController {

	private final Results results;
	private final MessageSource messages;

	ResultController(Results results, MessageSource messages) {
		this.results = results;
		this.messages = messages;
	}

	@GetMapping("/dossiers/{id}/result")
	String page(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		var sheet = results.sheet(Caller.of(me), id);
		var form = Form.empty();
		sheet.lines().forEach(l -> form.value(l.key(), l.value()));
		return show(sheet, form, model);
	}

	// FormAnswers: the result's fields are named by the procedure's result template (ResultFields)
	@PostMapping("/dossiers/{id}/result")
	String save(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, FormAnswers answers, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		var params = answers.values();
		try {
			var sheet = results.save(Caller.of(me), id, params);
			redirect.addFlashAttribute("notice", sheet.missing().isEmpty()
					? messages.getMessage("dossiers.web.result.saved", null, locale)
					: messages.getMessage("dossiers.web.result.savedMissing", new Object[] { String.join(", ", sheet.missing()) }, locale));
			return "redirect:/dossiers/" + id + "/result";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.of(params);
			WebInput.errors(e).forEach((f, m) -> form.reject(f.isEmpty() ? "result" : f, m));
			return show(results.sheet(Caller.of(me), id), form, model);
		}
	}

	@GetMapping("/dossiers/{id}/result/preview.pdf")
	ResponseEntity<byte[]> preview(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale) {
		var caller = Caller.of(me);
		var sheet = results.sheet(caller, id);
		return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.header("Content-Disposition", DownloadNames.contentDisposition(true,
					messages.getMessage("dossiers.web.result.previewName", new Object[] { sheet.code() }, locale), ".pdf"))
			.body(results.preview(caller, id));
	}

	@PostMapping("/dossiers/{id}/result/seal")
	String seal(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String password,
			Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			results.seal(Caller.of(me), id, password.toCharArray());
			redirect.addFlashAttribute("notice", messages.getMessage("dossiers.web.result.sealed", null, locale));
			return "redirect:/dossiers/" + id + "/result";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var sheet = results.sheet(Caller.of(me), id);
			var form = Form.empty();
			sheet.lines().forEach(l -> form.value(l.key(), l.value()));
			WebInput.errors(e).forEach((f, m) -> form.reject("password", m));
			return show(sheet, form, model);
		}
	}

	private static String show(Results.Sheet sheet, Form form, Model model) {
		model.addAttribute("sheet", sheet);
		model.addAttribute("form", form);
		return "dossiers/result";
	}
}
