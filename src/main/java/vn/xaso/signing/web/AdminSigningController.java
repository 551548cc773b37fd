package vn.xaso.signing.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.Pkcs11Tokens;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.SigningIdentity.HolderKind;
import vn.xaso.signing.TrustAnchors;
import vn.xaso.signing.web.TokenForms.TokenForm;

/** The administrator's signing pages: signing identities of their own unit, and the installation's trust anchors. */
@Controller
class AdminSigningController {

	private final SigningIdentities identities;
	private final TrustAnchors anchors;
	private final PdfSigning signing;
	private final MessageSource messages;

	AdminSigningController(SigningIdentities identities, TrustAnchors anchors, PdfSigning signing, MessageSource messages) {
		this.identities = identities;
		this.anchors = anchors;
		this.signing = signing;
		this.messages = messages;
	}

	@GetMapping("/admin/signing")
	String page(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return render(me, model, Form.empty(), Form.empty(), Form.empty());
	}

	/**
	 * The organisation's (or an official's) key on a token, added after setup (issue 21): the token picked from those
	 * plugged into the server in the allowed libraries, the PIN typed to check it and never stored.
	 */
	@PostMapping("/admin/signing/identities/token")
	String registerToken(@AuthenticationPrincipal OfficialPrincipal me, TokenForm in, Locale locale, Model model,
			RedirectAttributes redirect) {
		var form = in.form();
		var keys = new ArrayList<Pkcs11Tokens.TokenKey>();
		try {
			var place = TokenForms.place(in.token());
			var alias = TokenForms.alias(place, in.alias(), in.pinChars(), keys);
			if (alias == null) {
				model.addAttribute("keys", keys);
				return render(me, model, Form.empty(), Form.empty(), Form.empty(),
						form.reject("alias", messages.getMessage("signing.error.chooseKey", new Object[] { keys.size() }, locale)));
			}
			var created = identities.registerToken(me.unitCode(), me.username(), kind(in.holderKind()),
					in.holderName() == null ? "" : in.holderName(), null,
					place.library(), place.slot(), alias, in.pinChars());
			redirect.addFlashAttribute("notice", messages.getMessage("signing.done.token", new Object[] { created.holderName() }, locale));
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			model.addAttribute("keys", keys);
			return render(me, model, Form.empty(), Form.empty(), Form.empty(), form.reject(TokenForms.field(e), e.message(messages, locale)));
		}
	}

	/** A new or imported identity as posted (the passwords are never shown again). */
	record IdentityForm(@Nullable String holderKind, @Nullable String holderName, @Nullable String officialUsername,
			@Nullable String password, @Nullable String passwordAgain) {

		Form form() {
			return Form.empty().value("holderKind", holderKind).value("holderName", holderName).value("officialUsername", officialUsername);
		}

		String name() {
			return holderName == null ? "" : holderName;
		}

		char[] secret() {
			return (password == null ? "" : password).toCharArray();
		}
	}

	@PostMapping("/admin/signing/identities")
	String generate(@AuthenticationPrincipal OfficialPrincipal me, IdentityForm posted, Locale locale, Model model,
			RedirectAttributes redirect) {
		var form = posted.form();
		try {
			var password = posted.password() == null ? "" : posted.password();
			if (!password.equals(posted.passwordAgain() == null ? "" : posted.passwordAgain())) {
				throw SigningException.of("signing.error.passwordsDiffer");
			}
			var created = identities.generate(me.unitCode(), me.username(), kind(posted.holderKind()), posted.name(),
					posted.officialUsername(), me.unitLabel(), password.toCharArray());
			redirect.addFlashAttribute("notice", messages.getMessage("signing.done.generated", new Object[] { created.holderName() }, locale));
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			return render(me, model, form.reject("holderName", e.message(messages, locale)), Form.empty(), Form.empty());
		}
	}

	@PostMapping("/admin/signing/identities/import")
	String importP12(@AuthenticationPrincipal OfficialPrincipal me, IdentityForm posted,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect) {
		var form = posted.form();
		try {
			var created = identities.importPkcs12(me.unitCode(), me.username(), kind(posted.holderKind()), posted.name(),
					posted.officialUsername(), bytes(file), posted.secret());
			redirect.addFlashAttribute("notice", messages.getMessage("signing.done.imported", new Object[] { created.holderName() }, locale));
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			return render(me, model, Form.empty(), form.reject("importFile", e.message(messages, locale)), Form.empty());
		}
	}

	@PostMapping("/admin/signing/identities/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		own(me, id);
		identities.deactivate(me.unitCode(), me.username(), id);
		redirect.addFlashAttribute("notice", messages.getMessage("signing.done.deactivated", null, locale));
		return "redirect:/admin/signing";
	}

	/** Signs a one-page sample with the identity, to check the password and the appearance. */
	@PostMapping("/admin/signing/identities/{id}/try")
	Object trySign(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "") String password, Locale locale, RedirectAttributes redirect) {
		var identity = own(me, id);
		try {
			var signer = identities.unlock(me.unitCode(), id, password.toCharArray());
			var appearance = identity.holderKind() == HolderKind.ORGANISATION ? SignatureAppearance.organisation(identity.holderName())
					: SignatureAppearance.personal(identity.holderName());
			var pdf = signing.sign(SamplePdf.create(me.unitLabel()), signer, appearance);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("thu-ky-so.pdf").build().toString())
				.body(pdf);
		}
		catch (SigningException e) {
			redirect.addFlashAttribute("problem", e.message(messages, locale));
			return "redirect:/admin/signing";
		}
	}

	@PostMapping("/admin/signing/trust-anchors")
	String addAnchor(@AuthenticationPrincipal OfficialPrincipal me,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			var added = anchors.add(me.unitCode(), me.username(), bytes(file));
			redirect.addFlashAttribute("notice", added.isEmpty() ? messages.getMessage("signing.done.anchorKnown", null, locale)
					: messages.getMessage("signing.done.anchorsAdded", new Object[] { added.size() }, locale));
			return "redirect:/admin/signing";
		}
		catch (SigningException e) {
			return render(me, model, Form.empty(), Form.empty(), Form.empty().reject("anchorFile", e.message(messages, locale)));
		}
	}

	@PostMapping("/admin/signing/trust-anchors/{id}/delete")
	String removeAnchor(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		if (!anchors.remove(me.unitCode(), me.username(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", messages.getMessage("signing.done.anchorRemoved", null, locale));
		return "redirect:/admin/signing";
	}

	private SigningIdentity own(OfficialPrincipal me, long id) {
		return identities.find(me.unitCode(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String render(OfficialPrincipal me, Model model, Form generate, Form importForm, Form anchorForm) {
		return render(me, model, generate, importForm, anchorForm, Form.empty().value("holderKind", "ORGANISATION")
			.value("holderName", "UBND " + me.unitLabel()));
	}

	private String render(OfficialPrincipal me, Model model, Form generate, Form importForm, Form anchorForm, Form tokenForm) {
		model.addAttribute("me", me);
		model.addAttribute("tokenForm", tokenForm);
		model.addAttribute("tokens", Pkcs11Tokens.plugged());
		if (!model.containsAttribute("keys")) {
			model.addAttribute("keys", java.util.List.of());
		}
		model.addAttribute("identities", identities.list(me.unitCode()));
		model.addAttribute("anchors", anchors.list());
		model.addAttribute("generate", generate);
		model.addAttribute("importForm", importForm);
		model.addAttribute("anchorForm", anchorForm);
		model.addAttribute("now", Instant.now());
		return "signing/admin";
	}

	private static HolderKind kind(@Nullable String value) {
		return "ORGANISATION".equals(value) ? HolderKind.ORGANISATION : HolderKind.OFFICIAL;
	}

	private static byte[] bytes(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw SigningException.of("signing.error.fileMissing");
		}
		if (file.getSize() > 1024 * 1024) {
			throw SigningException.of("signing.error.fileTooLarge");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw SigningException.because(e, "signing.error.fileUnreadable");
		}
	}
}
