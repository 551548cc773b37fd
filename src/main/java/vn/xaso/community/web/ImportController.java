package vn.xaso.community.web;

import java.io.IOException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.ImportingHouseholds;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * The household import: "Kiểm tra" (dry run, nothing saved) lists every bad row in Vietnamese; "Nhập" saves the
 * good rows and lists the bad ones left out.
 */
@Controller
class ImportController {

	private final Actors actors;
	private final ImportingHouseholds importing;
	private final Texts texts;

	ImportController(Actors actors, ImportingHouseholds importing, Texts texts) {
		this.actors = actors;
		this.importing = importing;
		this.texts = texts;
	}

	@GetMapping("/community/import")
	String form(Model model) {
		model.addAttribute("form", Form.empty());
		return "community/import";
	}

	@PostMapping("/community/import")
	String run(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "check") String mode, Model model) throws IOException {
		var form = Form.empty();
		model.addAttribute("form", form);
		if (file == null || file.isEmpty()) {
			form.reject("file", texts.t("community.import.noFile"));
			return "community/import";
		}
		try {
			var actor = actors.of(me);
			var result = "save".equals(mode) ? importing.save(actor, file.getOriginalFilename(), file.getBytes())
					: importing.dryRun(actor, file.getOriginalFilename(), file.getBytes());
			model.addAttribute("result", result);
			model.addAttribute("saved", "save".equals(mode));
			model.addAttribute("problems", result.bad().stream().limit(500)
				.map(b -> texts.t("community.import.row", b.line(), texts.t(b.key(), b.args()))).toList());
		}
		catch (CommunityException e) {
			texts.reject(form, e);
		}
		return "community/import";
	}
}
