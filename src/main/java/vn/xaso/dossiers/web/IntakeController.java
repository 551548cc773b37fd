package vn.xaso.dossiers.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.Consent;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.NewDossier;
import vn.xaso.dossiers.Upload;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.web.FormAnswers;
import vn.xaso.platform.web.Form;

/**
 * Two ways in besides the citizen's own: the one-stop counter (the officer types the applicant's data and the
 * e-form, attaches the scans, which are marked digitised, and prints the receipt slip) and assisted submission
 * by the community digital team for a citizen who agreed (how consent was given is recorded; a scan of a signed
 * consent paper may be attached). The assisted dossier belongs to the citizen's account (found or created by
 * phone), so the citizen follows it themselves afterwards.
 */
@Controller
class IntakeController {

	private final Dossiers dossiers;
	private final ProcedureForms forms;
	private final Citizens citizens;

	IntakeController(Dossiers dossiers, ProcedureForms forms, Citizens citizens) {
		this.dossiers = dossiers;
		this.forms = forms;
		this.citizens = citizens;
	}

	@GetMapping("/dossiers/intake")
	String intake(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String procedure, Model model) {
		return page(me, "dossiers/intake", procedure.strip(), Form.empty(), Map.of(), model);
	}

	// FormAnswers: the procedure's own e-form fields are named by the catalogue (WebInput.eform)
	@PostMapping("/dossiers/intake")
	String receive(@AuthenticationPrincipal OfficialPrincipal me, FormAnswers answers,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
			jakarta.servlet.http.HttpServletRequest multipart, Model model, HttpServletResponse response) {
		var params = answers.values();
		var procedure = WebInput.get(params, "procedure");
		var values = WebInput.eform(params);
		var form = Form.of(params);
		try {
			var uploads = new ArrayList<Upload>(WebInput.paperUploads(multipart));
			uploads.addAll(WebInput.uploads(files, ""));
			if (uploads.isEmpty()) {
				throw DossierException.of("file", "dossiers.say.intake.scan");
			}
			var receipt = dossiers.submit(Caller.of(me),
					new NewDossier(me.unitCode(), procedure, Channel.COUNTER, null, WebInput.applicant(params), values, null), uploads);
			return "redirect:/dossiers/" + receipt.dossierId() + "?received";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			WebInput.reject(form, e, forms.names(me.unitCode(), procedure));
			return page(me, "dossiers/intake", procedure, form, values, model);
		}
	}

	@GetMapping("/dossiers/assisted")
	String assisted(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String procedure, Model model) {
		return page(me, "dossiers/assisted", procedure.strip(), Form.empty().value("consentMethod", "IN_PERSON"), Map.of(), model);
	}

	// FormAnswers: the procedure's own e-form fields are named by the catalogue (WebInput.eform)
	@PostMapping("/dossiers/assisted")
	String submitAssisted(@AuthenticationPrincipal OfficialPrincipal me, FormAnswers answers,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files,
			@RequestParam(name = "consentScan", required = false) @Nullable MultipartFile consentScan,
			jakarta.servlet.http.HttpServletRequest multipart, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var params = answers.values();
		var procedure = WebInput.get(params, "procedure");
		var values = WebInput.eform(params);
		var form = Form.of(params);
		try {
			var applicant = WebInput.applicant(params);
			if (!WebInput.get(params, "consentGiven").equals("true")) {
				throw DossierException.of("consentGiven", "dossiers.say.intake.consentGiven");
			}
			Consent.Method method;
			try {
				method = Consent.Method.valueOf(WebInput.get(params, "consentMethod"));
			}
			catch (IllegalArgumentException e) {
				throw DossierException.of("consentMethod", "dossiers.say.intake.consentMethod");
			}
			var uploads = new ArrayList<Upload>(WebInput.paperUploads(multipart));
			uploads.addAll(WebInput.uploads(files, ""));
			var scans = WebInput.uploads(consentScan == null ? null : List.of(consentScan), "CONSENT");
			if (method == Consent.Method.SIGNED_PAPER && scans.isEmpty()) {
				throw DossierException.of("consentScan", "dossiers.say.intake.consentScan");
			}
			uploads.addAll(scans);
			var reference = WebInput.get(params, "consentNote");
			if (reference.length() > 300) {
				throw DossierException.of("consentNote", "dossiers.say.intake.consentNote");
			}
			if (!scans.isEmpty()) {
				reference = (reference.isEmpty() ? "" : reference + "; ") + DossierException.vietnamese("dossiers.text.consentScan", scans.get(0).name());
			}
			if (PersonalData.normalisePhone(applicant.phone()) == null) {
				throw DossierException.of("applicantPhone", "dossiers.say.intake.phone");
			}
			if (applicant.name().isBlank()) {
				throw DossierException.of("applicantName", "dossiers.say.intake.name");
			}
			long citizenId;
			try {
				citizenId = citizens.ensure(applicant.phone(), applicant.name());
			}
			catch (AccountException e) {
				throw DossierException.of("applicantPhone", "dossiers.error.account", e);
			}
			var consent = new Consent(applicant.name(), method, Instant.now(), reference);
			var receipt = dossiers.submit(Caller.of(me),
					new NewDossier(me.unitCode(), procedure, Channel.ASSISTED, citizenId, applicant, values, consent), uploads);
			redirect.addFlashAttribute("receipt", receipt);
			redirect.addFlashAttribute("applicantPhone", PersonalData.maskPhone(applicant.phone()));
			return "redirect:/dossiers/assisted/done";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			WebInput.reject(form, e, forms.names(me.unitCode(), procedure));
			return page(me, "dossiers/assisted", procedure, form, values, model);
		}
	}

	@GetMapping("/dossiers/assisted/done")
	String assistedDone(Model model) {
		if (!model.containsAttribute("receipt")) {
			return "redirect:/dossiers/assisted";
		}
		return "dossiers/assisted-done";
	}

	private String page(OfficialPrincipal me, String view, String procedure, Form form, Map<String, String> values, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("procedures", forms.procedures(me.unitCode()));
		var proc = procedure.isEmpty() ? null : forms.procedure(me.unitCode(), procedure).orElse(null);
		model.addAttribute("procedure", proc);
		model.addAttribute("fields", proc == null ? List.of() : forms.fields(me.unitCode(), procedure, values, form.errors()));
		if (!procedure.isEmpty() && proc == null) {
			form.reject("procedure", WebText.t("dossiers.say.intake.procedure"));
		}
		return view;
	}
}
