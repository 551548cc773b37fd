package vn.xaso.setup.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.catalog.CommuneProcedures;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.setup.internal.SetupState;
import vn.xaso.setup.internal.SetupStore;

/**
 * "Thử nộp một hồ sơ" after setup: a short guided walk for the commune's administrator, one screen per stage,
 * each with a sentence of explanation and one visible link — (1) open the citizen page of a simple procedure in a
 * new screen and submit a dossier, which is marked as a test dossier when the administrator pressed the button
 * ({@link TryItDossiers}: left out of statistics, indicators and the tracking book), (2) see it arrive in the one-stop
 * inbox, (3) remove the test dossiers.
 */
@Controller
class SetupTryController {

	/** Simple procedures without a fee or papers to pay for, tried first: temporary absence, then birth registration. */
	static final List<String> SIMPLE = List.of("1.003677", "1.001193");

	private final CommuneProcedures communeProcedures;
	private final SetupStore store;
	private final TryItDossiers marks;

	SetupTryController(CommuneProcedures communeProcedures, SetupStore store, TryItDossiers marks) {
		this.communeProcedures = communeProcedures;
		this.store = store;
		this.marks = marks;
	}

	/**
	 * "Mở trang thủ tục cho người dân" (a form opening a new window): an official cannot open citizens' pages, so the
	 * administrator is signed out first (the guide then asks to sign in again at its next step); then the citizen
	 * page of the simple procedure.
	 */
	@PostMapping("/setup/try/citizen")
	String asCitizen(@Nullable Authentication auth, HttpServletRequest request) throws jakarta.servlet.ServletException {
		var admin = unit(auth);
		var unit = admin != null ? admin : store.find().filter(SetupState::completed).map(SetupState::unitCode).orElse(null);
		if (auth != null && auth.getPrincipal() instanceof OfficialPrincipal) {
			request.logout();
		}
		if (admin != null) {
			// Only the commune's administrator marks a session: the next online dossier submitted in it is a test dossier.
			marks.mark(request.getSession(true), admin);
		}
		else if (request.getSession(false) != null) {
			request.getSession(false).removeAttribute(TryItDossiers.MARK); // pressed by anyone else: nothing is marked
		}
		return unit == null ? "redirect:/setup/try" : "redirect:" + procedureUrl(unit);
	}

	@GetMapping("/setup/try")
	String start(@Nullable Authentication auth, Model model, HttpServletRequest request, HttpServletResponse response) {
		return stage(auth, 1, model, request, response);
	}

	@GetMapping("/setup/try/{stage}")
	String stage(@Nullable Authentication auth, @PathVariable String stage, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		int n = switch (stage) {
			case "inbox" -> 2;
			case "remove" -> 3;
			default -> 0;
		};
		if (n == 0) {
			return "redirect:/setup/try";
		}
		return stage(auth, n, model, request, response);
	}

	/**
	 * An administrator sees the stage; anyone else (nobody signed in yet, or the citizen the administrator just signed
	 * in as to submit the test dossier) sees the stage's title and a link to sign in as administrator, which comes back
	 * here (the request is kept as Spring Security keeps any page that needs signing in).
	 */
	private String stage(@Nullable Authentication auth, int stage, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("stage", stage);
		var unit = unit(auth);
		// Stage 1 only links to a public page: on a commune instance the finished setup names the commune.
		if (unit == null && stage == 1) {
			unit = store.find().filter(SetupState::completed).map(SetupState::unitCode).orElse(null);
		}
		if (unit == null || (stage > 1 && !admin(auth))) {
			new HttpSessionRequestCache().saveRequest(request, response);
			model.addAttribute("signIn", true);
			return "setup/try";
		}
		model.addAttribute("signIn", false);
		// Only an administrator's press marks the dossier as a test; say so when nobody is signed in.
		model.addAttribute("marks", admin(auth));
		return "setup/try";
	}

	private static boolean admin(@Nullable Authentication auth) {
		return auth != null && auth.getPrincipal() instanceof OfficialPrincipal
				&& auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
	}

	private static @Nullable String unit(@Nullable Authentication auth) {
		return admin(auth) ? ((OfficialPrincipal) auth.getPrincipal()).unitCode() : null;
	}

	private String procedureUrl(String unit) {
		// Which procedures the commune hides is public (its own pages leave them out); read in its scope.
		var hidden = vn.xaso.platform.tenancy.Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.of(unit),
				() -> communeProcedures.hidden(unit));
		var code = SIMPLE.stream().filter(c -> !hidden.contains(c)).findFirst().orElse(null);
		return code == null ? "/procedures?unit=" + unit : "/procedures/" + code + "?unit=" + unit;
	}
}
