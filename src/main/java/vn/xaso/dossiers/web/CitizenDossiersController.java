package vn.xaso.dossiers.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Dossier;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/**
 * The citizen's dossier pages (the draft itself: {@link CitizenDraftController}): the receipt slip, "my dossiers" with a timeline, paying
 * the fee by VietQR, the supplement, the signed result and the rating. Everything is a plain form post.
 */
@Controller
class CitizenDossiersController {

	private final Dossiers dossiers;
	private final FeeView fees;
	private final DraftPage drafts;
	private final ProcedureForms forms;

	CitizenDossiersController(Dossiers dossiers, FeeView fees, DraftPage drafts, ProcedureForms forms) {
		this.dossiers = dossiers;
		this.fees = fees;
		this.drafts = drafts;
		this.forms = forms;
	}

	@GetMapping("/citizen/dossiers")
	String mine(@AuthenticationPrincipal CitizenPrincipal me, @RequestParam(defaultValue = "0") int page, Model model) {
		int p = Math.max(0, page);
		var rows = dossiers.mine(Caller.of(me), p + 1, Paging.DEFAULT_SIZE);
		model.addAttribute("rows", rows);
		model.addAttribute("paging", Paging.of(p, rows.total(), "/citizen/dossiers", Map.of()));
		return "dossiers/citizen-list";
	}

	@GetMapping("/citizen/dossiers/{id}")
	String detail(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, DossierForms.Arrived params, Model model) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		if (dossier.draft()) {
			var form = WebInput.applicantForm(Form.empty(), dossier.applicant());
			return drafts.render(caller, dossier, form, dossier.form(), params.saved() != null ? WebText.t(CitizenDraftController.SAVED) : null,
					null, model);
		}
		if (params.submitted() != null) {
			model.addAttribute("notice", WebText.t("dossiers.say.submitted", dossier.code()));
		}
		else if (params.supplemented() != null) {
			model.addAttribute("notice", WebText.t("dossiers.say.supplemented"));
		}
		else if (params.rated() != null) {
			model.addAttribute("notice", WebText.t("dossiers.say.rated"));
		}
		else if (params.paid() != null) {
			if (dossier.paid()) {
				model.addAttribute("notice", WebText.t("dossiers.say.paid"));
			}
			else {
				model.addAttribute("problem", WebText.t("dossiers.say.notPaidYet"));
			}
		}
		return viewPage(caller, dossier, Form.empty(), model);
	}

	@GetMapping("/citizen/dossiers/{id}/files/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @PathVariable long fileId) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		var meta = dossier.files().stream().filter(f -> f.id() == fileId).findFirst().orElseThrow(DossierNotFound::new);
		return Downloads.inline(dossiers.file(caller, id, fileId), meta.contentType(), "tep-" + fileId + Downloads.extension(meta.contentType()));
	}

	@GetMapping("/citizen/dossiers/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		return Downloads.pdf(dossiers.receiptPdf(caller, id), "phieu-hen-" + dossier.code() + ".pdf");
	}

	@GetMapping("/citizen/dossiers/{id}/apology.pdf")
	ResponseEntity<byte[]> apology(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		return Downloads.pdf(dossiers.apologyPdf(caller, id).orElseThrow(DossierNotFound::new), "phieu-xin-loi-" + dossier.code() + ".pdf");
	}

	@GetMapping("/citizen/dossiers/{id}/result.pdf")
	ResponseEntity<byte[]> result(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id) {
		var caller = Caller.of(me);
		var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
		return Downloads.pdf(dossiers.resultPdf(caller, id).orElseThrow(DossierNotFound::new), "ket-qua-" + dossier.code() + ".pdf");
	}

	@GetMapping("/citizen/dossiers/{id}/qr.png")
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id) {
		var png = dossiers.billQrPng(Caller.of(me), id, 480).orElseThrow(DossierNotFound::new);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
	}

	@PostMapping("/citizen/dossiers/{id}/supplement")
	String supplement(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files, Model model, HttpServletResponse response) {
		var caller = Caller.of(me);
		var form = Form.empty().value("note", note);
		try {
			dossiers.supplement(caller, id, note.strip(), WebInput.uploads(files, ""));
			return "redirect:/citizen/dossiers/" + id + "?supplemented";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			WebInput.errors(e).forEach((f, m) -> form.reject(f.isEmpty() || f.equals("files") ? "file" : f, m));
			var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
			return viewPage(caller, dossier, form, model);
		}
	}

	@PostMapping("/citizen/dossiers/{id}/rate")
	String rate(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long id, @RequestParam(defaultValue = "") String stars,
			@RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
		var caller = Caller.of(me);
		var form = Form.empty().value("stars", stars).value("comment", comment);
		int n = WebInput.parseInt(stars, 0);
		try {
			if (n < 1 || n > 5) {
				throw DossierException.of("stars", "dossiers.say.stars");
			}
			if (comment.length() > 1000) {
				throw DossierException.of("comment", "dossiers.say.commentLong");
			}
			dossiers.rate(caller, id, n, comment.strip());
			return "redirect:/citizen/dossiers/" + id + "?rated";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			WebInput.errors(e).forEach((f, m) -> form.reject(f.isEmpty() ? "stars" : f, m));
			var dossier = dossiers.find(caller, id).orElseThrow(DossierNotFound::new);
			return viewPage(caller, dossier, form, model);
		}
	}

	@GetMapping("/citizen/papers")
	String papers(@AuthenticationPrincipal CitizenPrincipal me, Model model) {
		model.addAttribute("papers", dossiers.papers(Caller.of(me)));
		return "dossiers/citizen-papers";
	}

	@GetMapping("/citizen/papers/{paperId}")
	ResponseEntity<byte[]> paper(@AuthenticationPrincipal CitizenPrincipal me, @PathVariable long paperId) {
		var caller = Caller.of(me);
		var meta = dossiers.papers(caller).stream().filter(p -> p.id() == paperId).findFirst().orElseThrow(DossierNotFound::new);
		return Downloads.inline(dossiers.paper(caller, paperId), meta.contentType(), "giay-to-" + paperId + Downloads.extension(meta.contentType()));
	}

	private String viewPage(Caller caller, Dossier dossier, Form form, Model model) {
		model.addAttribute("dossier", dossier);
		model.addAttribute("form", form);
		model.addAttribute("fee", fees.forDossier(caller, dossier).orElse(null));
		model.addAttribute("hasApology", dossier.events().stream().anyMatch(e -> "reschedule".equals(e.action())));
		// Papers are listed by what they are ("Giấy chứng sinh"), not by the phone's file name.
		model.addAttribute("paperNames", forms.procedure(dossier.unitCode(), dossier.procedureCode())
			.map(ProcedureView::paperLabels)
			.orElse(java.util.Map.of()));
		return "dossiers/citizen-detail";
	}

	static Applicant empty() {
		return new Applicant("", "", "", "", "");
	}
}
