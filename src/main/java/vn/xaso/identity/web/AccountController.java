package vn.xaso.identity.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.Form;

/** The signed-in official's own account: password and two-step sign-in. */
@Controller
class AccountController {

	private final Accounts accounts;
	private final org.springframework.context.MessageSource messages;

	AccountController(Accounts accounts, org.springframework.context.MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** A message of the identity bundle in the reader's language. */
	private String text(String key) {
		return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, model, Form.empty(), null);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, Model model, RedirectAttributes redirect) {
		try {
			accounts.changeOwnPassword(me, currentPassword, newPassword);
			redirect.addFlashAttribute("notice", text("identity.done.passwordChanged"));
			return "redirect:/account";
		}
		catch (AccountException e) {
			return page(me, model, Form.empty().reject(e.field() == null ? "newPassword" : e.field(), e.localMessage()), null);
		}
	}

	@PostMapping("/account/totp/start")
	String startTotp(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		return page(me, model, Form.empty(), accounts.newTotpSecret());
	}

	@PostMapping("/account/totp")
	String enableTotp(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String secret,
			@RequestParam(defaultValue = "") String code, Model model, RedirectAttributes redirect) {
		try {
			accounts.enableTotp(me, secret, code);
			redirect.addFlashAttribute("notice", text("identity.done.totpOn"));
			return "redirect:/account";
		}
		catch (AccountException e) {
			return page(me, model, Form.empty().reject("code", e.localMessage()), secret.matches("[A-Z2-7]{32}") ? secret : accounts.newTotpSecret());
		}
	}

	@PostMapping("/account/totp/disable")
	String disableTotp(@AuthenticationPrincipal OfficialPrincipal me, @RequestParam(defaultValue = "") String currentPassword,
			Model model, RedirectAttributes redirect) {
		try {
			accounts.disableTotp(me, currentPassword);
			redirect.addFlashAttribute("notice", text("identity.done.totpOff"));
			return "redirect:/account";
		}
		catch (AccountException e) {
			return page(me, model, Form.empty().reject("totpPassword", e.localMessage()), null);
		}
	}

	private String page(OfficialPrincipal me, Model model, Form form, String secret) {
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		model.addAttribute("totpEnabled", accounts.totpEnabled(me));
		model.addAttribute("secret", secret);
		String qr = null;
		if (secret != null) {
			var data = new QrData.Builder().label(me.username()).secret(secret).issuer("Xa So").digits(6).period(30).build();
			try {
				var generator = new ZxingPngQrGenerator();
				qr = Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
			}
			catch (dev.samstevens.totp.exceptions.QrGenerationException e) {
				qr = null; // the secret is shown as text too, so the person can still type it in
			}
		}
		model.addAttribute("qr", qr);
		return "identity/account";
	}
}
