package vn.xaso.dossiers.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Results;
import vn.xaso.identity.OfficialPrincipal;

/**
 * "Kết quả chờ đóng dấu" (issue 21): the signed results that still need the commune's seal before they go to the
 * desk, for the clerk (văn thư, who keeps the seal) and the one-stop officer; each row links to the result page where
 * the seal is added. The clerk reaches it from the workspace card and the to-do list.
 */
@Controller
class SealQueueController {

	private final Results results;

	SealQueueController(Results results) {
		this.results = results;
	}

	@GetMapping("/dossiers/seal")
	String page(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("waiting", results.awaitingSeal(Caller.of(me)));
		return "dossiers/seal-queue";
	}
}
