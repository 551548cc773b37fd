package vn.xaso.setup.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.FormAnswers;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.OfficialsFile;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.setup.internal.SetupFinishStep;
import vn.xaso.setup.internal.SetupOfficials;
import vn.xaso.setup.internal.SetupProcedures;
import vn.xaso.setup.internal.SetupServiceStep;
import vn.xaso.setup.internal.SetupState;
import vn.xaso.setup.internal.SetupWizard;

/** Setup steps 5–7 (officials, procedures, checklist), for a first-run setup and an invited commune's alike. */
@Controller
class SetupFinishController {

	/** Step 5, one official typed by hand. */
	record OfficialForm(@Nullable String fullName, @Nullable String username, @Nullable String phone,
			@Nullable String roles, @Nullable String title) {
	}

	private final SetupWizard wizard;
	private final SetupOfficials officials;
	private final SetupPages pages;
	private final SetupProcedures setupProcedures;
	private final SetupServiceStep service;
	private final SetupFinishStep finish;

	SetupFinishController(SetupWizard wizard, SetupOfficials officials, SetupPages pages, SetupProcedures setupProcedures,
			SetupServiceStep service, SetupFinishStep finish) {
		this.setupProcedures = setupProcedures;
		this.wizard = wizard;
		this.officials = officials;
		this.pages = pages;
		this.service = service;
		this.finish = finish;
	}

	@GetMapping("/setup/{token}/5")
	String officials(@PathVariable String token, @RequestParam(required = false) @Nullable String added, Model model,
			HttpServletResponse response) {
		model.addAttribute("added", added != null);
		return pages.show(token, SetupState.OFFICIALS, model, response, () -> officialsPage(token, null, model));
	}

	@PostMapping("/setup/{token}/5/check")
	String check(@PathVariable String token, @RequestParam(required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) {
		var form = Form.empty();
		if (wizard.access(token) != SetupWizard.Access.OPEN) {
			return pages.show(token, SetupState.OFFICIALS, model, response, () -> "setup/officials");
		}
		List<SetupOfficials.Checked> checked = null;
		try {
			checked = officials.dryRun(token, file == null ? null : file.getOriginalFilename(),
					file == null ? new byte[0] : file.getBytes());
			if (checked.stream().anyMatch(c -> !c.ok())) {
				form.reject("file", SetupException.text("setup.error.rowsWrong").local());
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
		}
		catch (SetupException e) {
			e.localErrors().forEach(form::reject);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (IOException e) {
			form.reject("file", SetupException.text("setup.error.uploadUnreadable").local());
		}
		model.addAttribute("form", form);
		var result = checked;
		return pages.show(token, SetupState.OFFICIALS, model, response, () -> officialsPage(token, result, model));
	}

	@PostMapping("/setup/{token}/5/import")
	String confirmImport(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.change(token, SetupState.OFFICIALS, Form.empty(), model, response, () -> officials.confirmImport(token),
				() -> officialsPage(token, null, model), SetupPages.stepPath(token, SetupState.OFFICIALS) + "?added");
	}

	@PostMapping("/setup/{token}/5/add")
	String addOne(@PathVariable String token, OfficialForm in, Model model, HttpServletResponse response) {
		var form = Form.of(Map.of("fullName", nz(in.fullName()), "username", nz(in.username()), "phone", nz(in.phone()),
				"roles", nz(in.roles()), "title", nz(in.title())));
		return pages.change(token, SetupState.OFFICIALS, form, model, response,
				() -> officials.addOne(token, new OfficialsFile.Row(0, nz(in.fullName()), nz(in.username()), nz(in.phone()),
						nz(in.roles()), nz(in.title()))),
				() -> officialsPage(token, null, model), SetupPages.stepPath(token, SetupState.OFFICIALS) + "?added");
	}

	@PostMapping("/setup/{token}/5/done")
	String officialsDone(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.change(token, SetupState.OFFICIALS, Form.empty(), model, response, () -> officials.done(token),
				() -> officialsPage(token, null, model), SetupPages.stepPath(token, SetupState.PROCEDURES));
	}

	private String officialsPage(String token, @Nullable List<SetupOfficials.Checked> checked, Model model) {
		var state = wizard.state(token);
		model.addAttribute("checked", checked == null ? List.of() : checked);
		model.addAttribute("pending", officials.pending(state));
		model.addAttribute("invites", officials.invites(state.unitCode()));
		model.addAttribute("roleWords", OfficialsFile.ROLE_WORDS);
		return "setup/officials";
	}

	@GetMapping("/setup/{token}/6")
	String procedures(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.show(token, SetupState.PROCEDURES, model, response, () -> proceduresPage(token, model));
	}

	// FormAnswers: one fee-<code> field per procedure of the catalogue (codes are data)
	@PostMapping("/setup/{token}/6")
	String saveProcedures(@PathVariable String token, @RequestParam(name = "code", required = false) @Nullable List<String> codes,
			FormAnswers answers, Model model, HttpServletResponse response) {
		var params = answers.values();
		var fees = new java.util.LinkedHashMap<String, String>();
		params.forEach((k, v) -> {
			if (k.startsWith("fee-")) {
				fees.put(k, v);
			}
		});
		return pages.change(token, SetupState.PROCEDURES, Form.of(fees), model, response,
				() -> setupProcedures.choose(token, codes == null ? List.of() : codes, fees), () -> proceduresPage(token, model),
				SetupPages.stepPath(token, SetupState.CHECKLIST));
	}

	private String proceduresPage(String token, Model model) {
		model.addAttribute("rows", setupProcedures.rows(token));
		return "setup/procedures";
	}

	@GetMapping("/setup/{token}/7")
	String checklist(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.show(token, SetupState.CHECKLIST, model, response, () -> checklistPage(token, model));
	}

	/** Finishing: a first-run setup goes to its finished page, an invited commune to the province's one. */
	@PostMapping("/setup/{token}/7")
	String complete(@PathVariable String token, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var invited = wizard.access(token) == SetupWizard.Access.OPEN && wizard.state(token).invited();
		return pages.change(token, SetupState.CHECKLIST, Form.empty(), model, response,
				() -> redirect.addFlashAttribute("username", finish.complete(token).adminUsername()),
				() -> checklistPage(token, model), invited ? "/setup/commune/finished" : "/setup/finished");
	}

	private String checklistPage(String token, Model model) {
		var state = wizard.state(token);
		model.addAttribute("unit", wizard.unit(state));
		model.addAttribute("bankSet", service.bankSet(state));
		model.addAttribute("agencyCode", service.agencyCode(state));
		model.addAttribute("invites", officials.invites(state.unitCode()));
		return "setup/checklist";
	}

	static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
