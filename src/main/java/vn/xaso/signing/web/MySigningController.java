package vn.xaso.signing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;
import vn.xaso.signing.Pkcs11Tokens;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.web.TokenForms.TokenForm;

/**
 * "Chữ ký số của tôi" (issue 21): an official sees the signing identities made for them and registers the key on
 * their own token (a CA's USB token plugged into the server, an HSM) as the identity their signatures use — the
 * token picked from a list, the PIN typed to check it and never stored. Reached from the workspace and the account page.
 */
@Controller
class MySigningController {

	private final SigningIdentities identities;
	private final MessageSource messages;

	MySigningController(SigningIdentities identities, MessageSource messages) {
		this.identities = identities;
		this.messages = messages;
	}

	@GetMapping("/account/signing")
	String page(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return render(me, model, Form.empty(), List.of());
	}

	@PostMapping("/account/signing/token")
	String register(@AuthenticationPrincipal OfficialPrincipal me, TokenForm in, Locale locale, Model model, RedirectAttributes redirect) {
		var form = in.form();
		var keys = new ArrayList<Pkcs11Tokens.TokenKey>();
		try {
			var place = TokenForms.place(in.token());
			var alias = TokenForms.alias(place, in.alias(), in.pinChars(), keys);
			if (alias == null) {
				return render(me, model, form.reject("alias", messages.getMessage("signing.error.chooseKey", new Object[] { keys.size() }, locale)),
						keys);
			}
			var created = identities.registerOwnToken(me.unitCode(), me.username(), me.fullName(), place.library(), place.slot(), alias,
					in.pinChars());
			redirect.addFlashAttribute("notice", messages.getMessage("signing.done.ownToken", new Object[] { created.holderName() }, locale));
			return "redirect:/account/signing";
		}
		catch (SigningException e) {
			return render(me, model, form.reject(TokenForms.field(e), e.message(messages, locale)), keys);
		}
	}

	private String render(OfficialPrincipal me, Model model, Form form, List<Pkcs11Tokens.TokenKey> keys) {
		model.addAttribute("me", me);
		model.addAttribute("mine", identities.list(me.unitCode()).stream().filter(i -> me.username().equals(i.officialUsername())).toList());
		model.addAttribute("tokens", Pkcs11Tokens.plugged());
		model.addAttribute("form", form);
		model.addAttribute("keys", keys);
		model.addAttribute("now", Instant.now());
		return "signing/mine";
	}
}
