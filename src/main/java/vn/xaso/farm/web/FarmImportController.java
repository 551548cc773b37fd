package vn.xaso.farm.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.farm.FarmException;
import vn.xaso.farm.internal.ImportingReadings;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** Readings kept before the farm used XaSo, from a CSV file the farmer chooses (the form under the download on the farm's page). */
@Controller
class FarmImportController {

	private final ImportingReadings importing;
	private final FarmPages pages;
	private final Texts texts;

	FarmImportController(ImportingReadings importing, FarmPages pages, Texts texts) {
		this.importing = importing;
		this.pages = pages;
		this.texts = texts;
	}

	@PostMapping("/farm/{id}/import")
	String importCsv(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpServletResponse response, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			var result = importing.importCsv(me, id, file == null ? new byte[0] : file.getBytes());
			redirect.addFlashAttribute("notice", texts.t("farm.import.done", result.stored(), result.skipped()));
			return "redirect:/farm/" + id;
		}
		catch (FarmException e) {
			Texts.refuseAccess(e);
			response.setStatus("farm.import.again".equals(e.key()) ? 409 : Texts.status(e));
			return pages.page(me, id, pages.reject(Form.empty(), e, "import-"), model);
		}
	}
}
