package vn.xaso.school.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.school.SchoolException;
import vn.xaso.school.internal.EnteringResults;

/** A teacher enters the term results of their class: a subject as a table, or a CSV file of the term. */
@Controller
class ResultsController {

	private final EnteringResults results;
	private final SchoolTexts texts;

	ResultsController(EnteringResults results, SchoolTexts texts) {
		this.results = results;
		this.texts = texts;
	}

	@GetMapping("/school/classes/{id}/ket-qua")
	String sheet(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(name = "ky", required = false) @Nullable String term,
			Model model) {
		return page(me, id, term, Form.empty().value("term", term), Form.empty(), model);
	}

	@PostMapping("/school/classes/{id}/ket-qua")
	String enter(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, SchoolForms.ResultsForm form, Model model,
			RedirectAttributes redirect) {
		try {
			int n = results.enter(me, id, SchoolForms.s(form.term()), SchoolForms.s(form.subject()), form.results());
			return done(id, form.term(), n, redirect);
		}
		catch (SchoolException e) {
			return page(me, id, form.term(), texts.reject(form.form(), e), Form.empty(), model);
		}
	}

	@PostMapping("/school/classes/{id}/ket-qua/tep")
	String upload(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @RequestParam(required = false) @Nullable String term,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.getSize() > EnteringResults.MAX_BYTES) {
				throw new SchoolException("file", "school.error.csv");
			}
			int n = results.upload(me, id, SchoolForms.s(term), file.getBytes());
			return done(id, term, n, redirect);
		}
		catch (SchoolException e) {
			return page(me, id, term, Form.empty(), texts.reject(Form.empty().value("term", term), e), model);
		}
	}

	private String done(long id, @Nullable String term, int n, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", texts.t("school.results.saved", n));
		return "redirect:/school/classes/" + id + "/ket-qua?ky=" + UriUtils.encodeQueryParam(SchoolForms.s(term).strip(), "UTF-8");
	}

	private String page(OfficialPrincipal me, long id, @Nullable String term, Form form, Form fileForm, Model model) {
		model.addAttribute("sheet", AttendanceController.refused(() -> results.sheet(me, id, term)));
		model.addAttribute("form", form);
		model.addAttribute("fileForm", fileForm);
		return "school/results";
	}
}
