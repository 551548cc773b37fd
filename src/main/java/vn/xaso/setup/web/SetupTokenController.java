package vn.xaso.setup.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;
import vn.xaso.platform.web.Form;
import vn.xaso.setup.internal.SetupException;
import vn.xaso.setup.internal.SetupSigningToken;
import vn.xaso.setup.internal.SetupState;
import vn.xaso.signing.Pkcs11Tokens;

/**
 * Setup step 4 with a PKCS#11 token: {@code GET /setup/{token}/4/token?library=…} lists the tokens the library
 * reports; {@code POST} with the token's slot and PIN reads its keys and, when one is chosen (or there is only one),
 * registers it as the commune's organisation signature. The PIN is never stored.
 */
@Controller
class SetupTokenController {

	/** Which library: one of the known paths found on the machine, or a typed path (the typed one wins). */
	record LibraryForm(@Nullable String library, @Nullable String typedLibrary) {

		String path() {
			return typedLibrary != null && !typedLibrary.isBlank() ? typedLibrary.strip() : library == null ? "" : library.strip();
		}
	}

	/** The token, its PIN and (once listed) the key. */
	record TokenForm(@Nullable String library, @Nullable String slot, @Nullable String pin, @Nullable String alias) {
	}

	private final SetupSigningToken tokens;
	private final SetupPages pages;

	SetupTokenController(SetupSigningToken tokens, SetupPages pages) {
		this.tokens = tokens;
		this.pages = pages;
	}

	@GetMapping("/setup/{token}/4/token")
	String choose(@PathVariable String token, LibraryForm in, Model model, HttpServletResponse response) {
		var form = Form.of(Map.of("library", in.path()));
		model.addAttribute("form", form);
		return pages.show(token, SetupState.SIGNING, model, response, () -> {
			try {
				model.addAttribute("tokens", tokens.tokens(token, in.path()));
				model.addAttribute("keys", List.of());
				return "setup/signingToken";
			}
			catch (SetupException e) {
				e.localErrors().forEach(form::reject);
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("libraries", tokens.knownLibraries());
				return "setup/signing";
			}
		});
	}

	@PostMapping("/setup/{token}/4/token")
	String use(@PathVariable String token, TokenForm in, Model model, HttpServletResponse response) {
		var library = nz(in.library());
		var form = Form.of(Map.of("library", library, "slot", nz(in.slot()), "alias", nz(in.alias())));
		var keys = new java.util.ArrayList<Pkcs11Tokens.TokenKey>();
		return pages.change(token, SetupState.SIGNING, form, model, response, () -> {
			long slot = slot(in.slot());
			var pin = nz(in.pin()).toCharArray();
			var alias = nz(in.alias());
			if (alias.isBlank()) {
				var found = tokens.keys(token, library, slot, pin);
				if (found.size() > 1) {
					keys.addAll(found);
					throw SetupException.of("alias", "setup.error.chooseKey", String.valueOf(found.size()));
				}
				alias = found.getFirst().alias();
			}
			tokens.choose(token, library, slot, alias, pin);
		}, () -> tokenPage(token, library, keys, model), SetupPages.stepPath(token, SetupState.OFFICIALS));
	}

	private String tokenPage(String token, String library, List<Pkcs11Tokens.TokenKey> keys, Model model) {
		try {
			model.addAttribute("tokens", tokens.tokens(token, library));
		}
		catch (SetupException e) {
			model.addAttribute("tokens", List.of());
		}
		model.addAttribute("keys", keys);
		return "setup/signingToken";
	}

	private static long slot(@Nullable String slot) {
		try {
			return Long.parseLong(nz(slot).strip());
		}
		catch (NumberFormatException e) {
			throw SetupException.of("slot", "setup.error.chooseDevice");
		}
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
