package vn.xaso.dossiers.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.FormAnswers;
import vn.xaso.platform.web.Form;

/**
 * An online dossier before it is sent: step 1 the e-form (pre-filled), step 2 the draft, one form that attaches
 * papers, saves and submits — so whatever button is pressed, what was typed is saved first and never lost —
 * and deleting a draft only after a confirmation screen (works without JavaScript).
 */
@Controller
class CitizenDraftController {

	static final String SAVED = "dossiers.say.draftSaved";

	private final Dossiers dossiers;
	private final ProcedureForms forms;
	private final DraftPage page;

	CitizenDraftController(Dossiers dossiers, ProcedureForms forms, DraftPage page) {
		this.dossiers = dossiers;
		this.forms = forms;
		this.page = page;
	}

	@GetMapping("/citizen/dossiers/new")
	String start(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(defaultValue = "") String procedure,
			@RequestParam(defaultValue = "") String unit, Model model, HttpServletResponse response) {
		var proc = forms.procedure(unit.strip(), procedure.strip());
		if (proc.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("problem", WebText.t("dossiers.say.procedureNotFound"));
			return "dossiers/citizen-start-missing";
		}
		var form = Form.empty();
		var values = page.prefill(me, unit.strip(), procedure.strip(), form);
		model.addAttribute("procedure", proc.get());
		model.addAttribute("form", form);
		model.addAttribute("fields", forms.fields(unit.strip(), procedure.strip(), values, Map.of()));
		return "dossiers/citizen-start";
	}

	/** Creates the draft from the start page and saves what was typed; then the draft page offers attachments. */
	// FormAnswers: the procedure's own e-form fields are named by the catalogue (WebInput.eform)
	@PostMapping("/citizen/dossiers")
	String create(@AuthenticationPrincipal CitizenPrincipal me, FormAnswers answers, Model model,
			HttpServletResponse response) {
		var params = answers.values();
		var caller = Caller.of(me);
		var unit = WebInput.get(params, "unit");
		var procedure = WebInput.get(params, "procedure");
		var proc = forms.procedure(unit, procedure).orElseThrow(DossierNotFound::new);
		var values = WebInput.eform(params);
		var applicant = WebInput.applicant(params);
		try {
			long id = dossiers.createDraft(caller, unit, procedure);
			dossiers.saveDraft(caller, id, applicant, values);
			return "redirect:/citizen/dossiers/" + id + "?saved";
		}
		catch (DossierException e) {
			var form = WebInput.reject(Form.of(params), e, forms.names(unit, procedure));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("procedure", proc);
			model.addAttribute("form", form);
			model.addAttribute("fields", forms.fields(unit, procedure, values, form.errors()));
			return "dossiers/citizen-start";
		}
	}

	/**
	 * The draft page's one form (multipart): saves the typed fields first, then attaches the chosen files (also
	 * when "Nộp hồ sơ" is pressed without "Đính kèm"), takes a paper from the store or removes a file, and
	 * submits when asked.
	 */
	// FormAnswers: the procedure's own e-form fields are named by the catalogue (WebInput.eform)
	@PostMapping("/citizen/dossiers/{id}/save")
	String save(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, FormAnswers answers,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var params = answers.values();
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		if (!dossier.draft()) {
			return "redirect:/citizen/dossiers/" + id;
		}
		var values = WebInput.eform(params);
		var form = Form.of(params);
		boolean send = params.containsKey("send");
		DossierException notSaved = null;
		try {
			dossiers.saveDraft(caller, id, WebInput.applicant(params), values);
		}
		catch (DossierException e) {
			notSaved = e;
		}
		int attached = 0;
		String notice = null;
		try {
			var uploads = WebInput.uploads(files, WebInput.get(params, "paperCode"));
			if (params.containsKey("attach") && uploads.isEmpty()) {
				throw DossierException.of("file", "dossiers.say.chooseFileAttach");
			}
			for (var upload : uploads) {
				dossiers.attach(caller, id, upload);
				attached++;
			}
			if (params.containsKey("reuse")) {
				dossiers.reusePaper(caller, id, WebInput.parseLong(params.get("paperId")));
				attached++;
			}
			if (params.containsKey("remove")) {
				dossiers.removeFile(caller, id, WebInput.parseLong(params.get("remove")));
				notice = WebText.t("dossiers.say.fileRemoved");
			}
		}
		catch (DossierException e) {
			form.reject("file", WebInput.message(e));
		}
		if (attached > 0) {
			notice = WebText.t("dossiers.say.attached", String.valueOf(attached));
		}
		if (notSaved == null && !form.hasErrors() && send) {
			try {
				var receipt = dossiers.submitDraft(caller, id);
				return "redirect:/citizen/dossiers/" + receipt.dossierId() + "?submitted";
			}
			catch (DossierException e) {
				notSaved = e;
			}
		}
		if (notSaved != null || form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (notSaved != null) {
				WebInput.reject(form, notSaved, forms.names(dossier.unitCode(), dossier.procedureCode()));
			}
			var fresh = dossiers.find(caller, id).orElse(dossier);
			return page.render(caller, fresh, form, values, notice,
					send ? WebText.t("dossiers.say.notSubmitted") : null, model);
		}
		if (notice == null) {
			return "redirect:/citizen/dossiers/" + id + "?saved";
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/citizen/dossiers/" + id + "#files";
	}

	@PostMapping("/citizen/dossiers/{id}/files")
	String attach(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(defaultValue = "") String paperCode, RedirectAttributes redirect) {
		var caller = Caller.of(me);
		try {
			var uploads = WebInput.uploads(files, paperCode.strip());
			if (uploads.isEmpty()) {
				throw DossierException.of("file", "dossiers.say.chooseFile");
			}
			for (var upload : uploads) {
				dossiers.attach(caller, id, upload);
			}
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.attached", String.valueOf(uploads.size())));
		}
		catch (DossierException e) {
			redirect.addFlashAttribute("problem", WebInput.message(e));
		}
		return "redirect:/citizen/dossiers/" + id + "#files";
	}

	@PostMapping("/citizen/dossiers/{id}/papers")
	String reusePaper(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "0") long paperId,
			RedirectAttributes redirect) {
		try {
			dossiers.reusePaper(Caller.of(me), id, paperId);
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.paperReused"));
		}
		catch (DossierException e) {
			redirect.addFlashAttribute("problem", WebInput.message(e));
		}
		return "redirect:/citizen/dossiers/" + id + "#files";
	}

	@PostMapping("/citizen/dossiers/{id}/files/{fileId}/delete")
	String removeFile(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @PathVariable long fileId,
			RedirectAttributes redirect) {
		try {
			dossiers.removeFile(Caller.of(me), id, fileId);
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.fileRemoved"));
		}
		catch (DossierException e) {
			redirect.addFlashAttribute("problem", WebInput.message(e));
		}
		return "redirect:/citizen/dossiers/" + id + "#files";
	}

	/** "Are you sure?": deleting a draft takes a second screen, so a slip of the finger deletes nothing. */
	@GetMapping("/citizen/dossiers/{id}/delete")
	String confirmDelete(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, Model model) {
		var dossier = dossiers.find(Caller.of(me), id).orElseThrow(DossierNotFound::new);
		if (!dossier.draft()) {
			return "redirect:/citizen/dossiers/" + id;
		}
		model.addAttribute("dossier", dossier);
		return "dossiers/citizen-delete";
	}

	@PostMapping("/citizen/dossiers/{id}/delete")
	String deleteDraft(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			dossiers.deleteDraft(Caller.of(me), id);
			redirect.addFlashAttribute("notice", WebText.t("dossiers.say.draftDeleted"));
			return "redirect:/citizen/dossiers";
		}
		catch (DossierException e) {
			redirect.addFlashAttribute("problem", WebInput.message(e));
			return "redirect:/citizen/dossiers/" + id;
		}
	}
}
