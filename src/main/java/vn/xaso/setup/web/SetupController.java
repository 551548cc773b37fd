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

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.SetupAdminStep;
import vn.xaso.setup.internal.SetupCommuneStep;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.setup.internal.SetupServiceStep;
import vn.xaso.setup.internal.SetupSigningStep;
import vn.xaso.setup.internal.SetupState;
import vn.xaso.setup.internal.SetupWizard;
import vn.xaso.units.Unit;

/**
 * Setup steps 1–4: the commune, the first administrator, the one-stop desk and bank, the signing identity. The same
 * pages serve a first-run setup and a commune invited by its province (whose step 1 asks only the villages, its commune
 * being fixed by the invitation).
 */
@Controller
class SetupController {

	/** Step 1 form: the chosen commune and its villages (typed or pasted, one a line). */
	record CommuneForm(@Nullable String unit, @Nullable String villages) {
	}

	/** Step 2 form. */
	record AdminForm(@Nullable String fullName, @Nullable String username, @Nullable String password,
			@Nullable String passwordAgain, @Nullable String phone) {
	}

	/** Step 3 form. */
	record ServiceForm(@Nullable String agencyCode, @Nullable String workingHours, @Nullable String bankBin,
			@Nullable String accountNumber, @Nullable String accountName, @Nullable String lastOutgoing,
			@Nullable String lastIncoming) {
	}

	private final SetupWizard wizard;
	private final SetupPages pages;
	private final SetupCommuneStep commune;
	private final SetupAdminStep admin;
	private final SetupServiceStep service;
	private final SetupSigningStep signing;

	SetupController(SetupWizard wizard, SetupPages pages, SetupCommuneStep commune, SetupAdminStep admin,
			SetupServiceStep service, SetupSigningStep signing) {
		this.wizard = wizard;
		this.pages = pages;
		this.commune = commune;
		this.admin = admin;
		this.service = service;
		this.signing = signing;
	}

	@GetMapping("/setup/{token}")
	String resume(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.show(token, SetupState.ADMIN, model, response,
				() -> "redirect:" + SetupPages.stepPath(token, wizard.state(token).step()));
	}

	@GetMapping("/setup/{token}/1")
	String commune(@PathVariable String token, @RequestParam(required = false) @Nullable String q, Model model,
			HttpServletResponse response) {
		var form = Form.empty();
		if (q != null) {
			form.value("q", q);
		}
		model.addAttribute("form", form);
		return pages.show(token, SetupState.COMMUNE, model, response, () -> communePage(token, q, form, model));
	}

	@PostMapping("/setup/{token}/1")
	String saveCommune(@PathVariable String token, CommuneForm in, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable MultipartFile villagesFile, Model model, HttpServletResponse response) {
		var form = Form.of(Map.of("unit", nz(in.unit()), "villages", nz(in.villages()), "q", nz(q)));
		return pages.change(token, SetupState.COMMUNE, form, model, response, () -> {
			try {
				commune.chooseCommune(token, nz(in.unit()), nz(in.villages()),
						villagesFile == null ? null : villagesFile.getOriginalFilename(),
						villagesFile == null ? new byte[0] : villagesFile.getBytes());
			}
			catch (IOException e) {
				throw SetupException.of("villagesFile", "setup.error.uploadUnreadable");
			}
		}, () -> communePage(token, q, form, model), SetupPages.stepPath(token, SetupState.ADMIN));
	}

	private String communePage(String token, @Nullable String q, Form form, Model model) {
		var state = wizard.state(token);
		List<Unit> results = List.of();
		if (state.invited()) {
			results = List.of(wizard.unit(state)); // the invitation's commune, not to be searched for
		}
		else if (q != null && !q.isBlank()) {
			try {
				results = commune.searchCommunes(q);
				if (results.isEmpty()) {
					form.reject("q", SetupException.text("setup.error.noCommuneFound", q.strip()).local());
				}
			}
			catch (SetupException e) {
				e.localErrors().forEach(form::reject);
			}
		}
		else if (state.unitCode() != null) {
			results = List.of(wizard.unit(state));
		}
		if (form.value("unit").isEmpty() && state.unitCode() != null) {
			form.value("unit", state.unitCode());
		}
		if (form.value("villages").isEmpty() && state.villages() != null) {
			form.value("villages", state.villages());
		}
		model.addAttribute("results", results.stream().map(u -> new CommuneChoice(u, commune.provinceName(u))).toList());
		return "setup/commune";
	}

	@GetMapping("/setup/{token}/2")
	String admin(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.show(token, SetupState.ADMIN, model, response, () -> adminPage(token, model));
	}

	@PostMapping("/setup/{token}/2")
	String saveAdmin(@PathVariable String token, AdminForm in, Model model, HttpServletResponse response) {
		var form = Form.of(Map.of("fullName", nz(in.fullName()), "username", nz(in.username()), "phone", nz(in.phone())));
		return pages.change(token, SetupState.ADMIN, form, model, response,
				() -> admin.createAdmin(token, new SetupAdminStep.AdminInput(nz(in.fullName()), nz(in.username()),
						nz(in.password()), nz(in.passwordAgain()), nz(in.phone()))),
				() -> adminPage(token, model), SetupPages.stepPath(token, SetupState.SERVICE));
	}

	private String adminPage(String token, Model model) {
		var state = wizard.state(token);
		// An invited commune: the name and phone the province gave, to correct if needed.
		if (model.getAttribute("form") instanceof Form form && !form.hasErrors()) {
			wizard.invitation(state).ifPresent(i -> {
				form.value("fullName", i.adminName());
				form.value("phone", i.adminPhone());
			});
		}
		model.addAttribute("unit", wizard.unit(state));
		return "setup/admin";
	}

	@GetMapping("/setup/{token}/3")
	String service(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.show(token, SetupState.SERVICE, model, response, () -> servicePage(token, model));
	}

	@PostMapping("/setup/{token}/3")
	String saveService(@PathVariable String token, ServiceForm in, Model model, HttpServletResponse response) {
		var form = Form.of(Map.of("agencyCode", nz(in.agencyCode()), "workingHours", nz(in.workingHours()),
				"bankBin", nz(in.bankBin()), "accountNumber", nz(in.accountNumber()), "accountName", nz(in.accountName()),
				"lastOutgoing", nz(in.lastOutgoing()), "lastIncoming", nz(in.lastIncoming())));
		return pages.change(token, SetupState.SERVICE, form, model, response,
				() -> serviceAndRegisters(token, in), () -> servicePage(token, model),
				SetupPages.stepPath(token, SetupState.SIGNING));
	}

	private void serviceAndRegisters(String token, ServiceForm in) {
		service.registers(token, nz(in.lastOutgoing()), nz(in.lastIncoming()));
		service.service(token, new SetupServiceStep.ServiceInput(nz(in.agencyCode()), nz(in.workingHours()),
				nz(in.bankBin()), nz(in.accountNumber()), nz(in.accountName())));
	}

	private String servicePage(String token, Model model) {
		var state = wizard.state(token);
		var form = (Form) model.getAttribute("form");
		if (form != null && !form.hasErrors()) {
			form.value("agencyCode", state.agencyCode() != null ? state.agencyCode() : service.agencyCode(state));
			form.value("workingHours", state.workingHours() != null ? state.workingHours()
					: SetupException.vietnamese("setup.text.workingHours")); // stored as typed, printed on Vietnamese papers
		}
		if (form != null && !form.hasErrors()) {
			int out = service.lastUsed(state, vn.xaso.documents.RegisterNumbering.Register.OUTGOING);
			int in = service.lastUsed(state, vn.xaso.documents.RegisterNumbering.Register.INCOMING);
			form.value("lastOutgoing", out > 0 ? Integer.toString(out) : null);
			form.value("lastIncoming", in > 0 ? Integer.toString(in) : null);
		}
		model.addAttribute("banks", service.banks());
		model.addAttribute("bankSet", service.bankSet(state));
		return "setup/service";
	}

	@GetMapping("/setup/{token}/4")
	String signing(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.show(token, SetupState.SIGNING, model, response, () -> "setup/signing");
	}

	@PostMapping("/setup/{token}/4")
	String importSigning(@PathVariable String token, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String password, Model model, HttpServletResponse response) {
		return pages.change(token, SetupState.SIGNING, Form.empty(), model, response, () -> {
			try {
				signing.importSigning(token, file == null ? new byte[0] : file.getBytes(), nz(password));
			}
			catch (IOException e) {
				throw SetupException.of("p12", "setup.error.uploadUnreadable");
			}
		}, () -> "setup/signing", SetupPages.stepPath(token, SetupState.OFFICIALS));
	}

	@PostMapping("/setup/{token}/4/later")
	String signingLater(@PathVariable String token, Model model, HttpServletResponse response) {
		return pages.change(token, SetupState.SIGNING, Form.empty(), model, response, () -> signing.signingLater(token),
				() -> "setup/signing", SetupPages.stepPath(token, SetupState.OFFICIALS));
	}

	static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
