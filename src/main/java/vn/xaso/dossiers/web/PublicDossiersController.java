package vn.xaso.dossiers.web;

import java.time.Duration;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.RateLimits;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.platform.web.Form;

/**
 * Public pages, no sign-in: tracking a dossier by its code and the last 4 digits of the applicant's phone
 * (a mismatch and an unknown code get the same message, and tries are limited per address so codes cannot be
 * probed), and the verification page the QR on a signed result opens.
 */
@Controller
class PublicDossiersController {

	/** Tracking lookups per client address, shared by replicas. */
	private static final RateLimits.Limit TRACKS = new RateLimits.Limit("dossier-track-web", 30, Duration.ofHours(1));

	private final Dossiers dossiers;
	private final RateLimits limits;

	PublicDossiersController(Dossiers dossiers, RateLimits limits) {
		this.limits = limits;
		this.dossiers = dossiers;
	}

	@GetMapping("/dossiers/track")
	String trackForm(@RequestParam(defaultValue = "") String code, Model model) {
		model.addAttribute("form", Form.empty().value("code", normalise(code)));
		return "dossiers/track";
	}

	@PostMapping("/dossiers/track")
	String track(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String phone4,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var cleanCode = normalise(code);
		var digits = phone4.replaceAll("\\s+", "");
		var form = Form.empty().value("code", cleanCode).value("phone4", digits);
		if (cleanCode.isEmpty()) {
			form.reject("code", WebText.t("dossiers.say.track.code"));
		}
		else if (cleanCode.length() > 40 || !cleanCode.matches("[A-Z0-9.\\-]+")) {
			form.reject("code", WebText.t("dossiers.say.track.codeChars"));
		}
		if (!digits.matches("[0-9]{4}")) {
			form.reject("phone4", WebText.t("dossiers.say.track.phone4"));
		}
		model.addAttribute("form", form);
		if (form.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "dossiers/track";
		}
		if (!limits.tryConsume(TRACKS, request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("problem", WebText.t("dossiers.say.track.tooMany"));
			return "dossiers/track";
		}
		var found = dossiers.track(cleanCode, digits);
		if (found.isEmpty()) {
			model.addAttribute("problem",
					WebText.t("dossiers.say.track.notFound"));
			return "dossiers/track";
		}
		model.addAttribute("tracking", found.get());
		return "dossiers/track";
	}

	@GetMapping("/verify/{token}")
	String verify(@PathVariable String token, Model model) {
		var result = dossiers.verify(token).orElseThrow(DossierNotFound::new);
		model.addAttribute("result", result);
		model.addAttribute("token", token);
		return "dossiers/verify";
	}

	@GetMapping("/verify/{token}/pdf")
	ResponseEntity<byte[]> verifiedPdf(@PathVariable String token) {
		var result = dossiers.verify(token).orElseThrow(DossierNotFound::new);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("ket-qua-" + result.dossierCode() + ".pdf").build().toString())
			.body(result.pdf());
	}

	/**
	 * The code as printed, whatever way a person typed it: lower case, spaces ("x14701 261123 0001"), other
	 * dashes ("–") or no dashes at all; the last ten digits are always {@code YYMMDD} and {@code NNNN}.
	 */
	static String normalise(String typed) {
		var s = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\u2010-\\u2015\\u2212_]", "-").replaceAll("\\s+", "");
		var m = CODE_TAIL.matcher(s);
		return m.matches() && !m.group(1).endsWith("-") ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : s;
	}

	private static final java.util.regex.Pattern CODE_TAIL = java.util.regex.Pattern.compile("(.+?)-?([0-9]{6})-?([0-9]{4})");
}
