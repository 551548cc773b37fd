package vn.xaso.dossiers.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.dossiers.BatchSigning;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Queue;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/**
 * The leader's batch signing page (issue 21): the results waiting for signature, each ticked, with a link to
 * look at the dossier; one signing password for all the ticked ones; then each dossier's outcome.
 */
@Controller
class BatchSignController {

	private final Dossiers dossiers;
	private final BatchSigning batch;
	private final vn.xaso.dossiers.Results results;

	BatchSignController(Dossiers dossiers, BatchSigning batch, vn.xaso.dossiers.Results results) {
		this.dossiers = dossiers;
		this.batch = batch;
		this.results = results;
	}

	@GetMapping("/dossiers/sign")
	String page(@AuthenticationPrincipal OfficialPrincipal me, HttpServletRequest request, Model model) {
		return page(me, request, Form.empty(), model);
	}

	@PostMapping("/dossiers/sign")
	String sign(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(name = "pick", required = false) @Nullable List<String> picks,
			@RequestParam(name = "signingPassword", defaultValue = "") String password, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		var caller = Caller.of(me);
		var items = new ArrayList<BatchSigning.Item>();
		for (var p : picks == null ? List.<String>of() : picks) {
			var parts = p.strip().split(":");
			try {
				if (parts.length == 2) {
					items.add(new BatchSigning.Item(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
				}
			}
			catch (NumberFormatException e) {
				// a tampered value: ignored, like an unticked box
			}
		}
		var secret = password.toCharArray();
		try {
			var outcomes = batch.sign(caller, session(request), items, secret.length == 0 ? null : secret);
			model.addAttribute("outcomes", outcomes);
			model.addAttribute("signed", outcomes.stream().filter(BatchSigning.Outcome::signed).count());
			model.addAttribute("until", batch.grantUntil(caller, session(request)).map(Show::time).orElse(null));
			return "dossiers/sign-done";
		}
		catch (DossierException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			var form = Form.empty();
			WebInput.errors(e).forEach((f, m) -> form.reject(f.isEmpty() ? "pick" : f, m));
			return page(me, request, form, model);
		}
		finally {
			Arrays.fill(secret, '\0');
		}
	}

	@PostMapping("/dossiers/sign/end")
	String end(@AuthenticationPrincipal OfficialPrincipal me, HttpServletRequest request) {
		batch.endGrant(Caller.of(me), session(request));
		return "redirect:/dossiers/sign";
	}

	private String page(OfficialPrincipal me, HttpServletRequest request, Form form, Model model) {
		var caller = Caller.of(me);
		var rows = dossiers.search(caller, new DossierSearch(null, null, null, Queue.AWAITING_APPROVAL, null, null, 1, 50)).rows();
		var waiting = new ArrayList<WaitingSignature>();
		for (var r : rows) {
			dossiers.find(caller, r.id()).ifPresent(d -> waiting.add(new WaitingSignature(d.id(), d.code(), d.procedureName(), r.applicantName(),
					d.dueDate(), d.timeliness(), d.version(), results.sheet(caller, d.id()).missing())));
		}
		model.addAttribute("form", form);
		model.addAttribute("waiting", waiting);
		model.addAttribute("until", batch.grantUntil(caller, session(request)).map(Show::time).orElse(null));
		return "dossiers/sign";
	}

	private static String session(HttpServletRequest request) {
		return request.getSession(true).getId();
	}
}
