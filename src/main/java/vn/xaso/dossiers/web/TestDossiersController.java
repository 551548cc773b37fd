package vn.xaso.dossiers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.internal.TestDossierRemoval;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** "Xoá hồ sơ thử": the administrator removes dossiers made while trying XaSo before going live. */
@Controller
class TestDossiersController {

	private final TestDossierRemoval removal;

	TestDossiersController(TestDossierRemoval removal) {
		this.removal = removal;
	}

	@GetMapping("/dossiers/settings/test-dossiers")
	String page(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, Form.empty(), List.of(), model);
	}

	@PostMapping("/dossiers/settings/test-dossiers")
	String remove(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "id", required = false) @Nullable List<Long> ids,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String confirm, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var chosen = ids == null ? List.<Long>of() : ids;
		try {
			int removed = removal.remove(Caller.of(me), chosen, reason, "yes".equals(confirm));
			redirect.addFlashAttribute("notice", removed == 0 ? WebText.t("dossiers.say.test.removedBefore")
					: WebText.t("dossiers.say.test.removed", String.valueOf(removed)));
			return "redirect:/dossiers/settings/test-dossiers";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.empty().value("reason", reason);
			WebInput.errors(e).forEach(form::reject);
			return page(me, form, chosen, model);
		}
	}

	private String page(OfficialPrincipal me, Form form, List<Long> chosen, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("candidates", removal.candidates(Caller.of(me)));
		model.addAttribute("chosen", chosen);
		model.addAttribute("days", TestDossierRemoval.WINDOW.toDays());
		return "dossiers/testDossiers";
	}
}
