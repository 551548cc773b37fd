package vn.xaso.signing.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.web.Form;
import vn.xaso.signing.Pkcs11Tokens;
import vn.xaso.signing.SigningException;

/**
 * What the two token forms share (an official's own token at /account/signing, the organisation's at
 * /admin/signing): the tokens plugged into this server in the allowed libraries, one list, no path to type; and
 * the key to register — the token's only key, or the one the person picked when it has several.
 */
final class TokenForms {

	/** A form post: the token ("library|slot" as listed), the key when one was picked, the PIN (never stored nor shown). */
	record TokenForm(@Nullable String token, @Nullable String alias, @Nullable String pin, @Nullable String holderKind,
			@Nullable String holderName) {

		char[] pinChars() {
			return pin == null ? new char[0] : pin.toCharArray();
		}

		/** The values shown again on the page: never the PIN. */
		Form form() {
			return Form.empty().value("token", token).value("alias", alias).value("holderKind", holderKind).value("holderName", holderName);
		}
	}

	/** Where a chosen token is: its library and slot. */
	record Place(String library, long slot) {
	}

	private TokenForms() {
	}

	static Place place(@Nullable String token) {
		var value = token == null ? "" : token.strip();
		int bar = value.lastIndexOf('|');
		if (bar <= 0) {
			throw SigningException.of("signing.error.slotMissing");
		}
		try {
			return new Place(value.substring(0, bar), Long.parseLong(value.substring(bar + 1)));
		}
		catch (NumberFormatException e) {
			throw SigningException.of("signing.error.slotMissing");
		}
	}

	/**
	 * The key to register: the one picked, else the token's only key. {@code null} when the token has several and none
	 * was picked: the page lists them and asks again (the PIN too: it is not kept).
	 */
	static @Nullable String alias(Place place, @Nullable String picked, char[] pin, List<Pkcs11Tokens.TokenKey> listed) {
		if (picked != null && !picked.isBlank()) {
			return picked.strip();
		}
		if (pin.length == 0) {
			throw SigningException.of("signing.error.pinMissing");
		}
		var keys = Pkcs11Tokens.keys(Pkcs11Tokens.library(place.library()), place.slot(), pin);
		if (keys.isEmpty()) {
			throw SigningException.of("signing.error.noKeyOnToken");
		}
		if (keys.size() == 1) {
			return keys.getFirst().alias();
		}
		listed.addAll(keys);
		return null;
	}

	/** The form field a refusal is about: the PIN, the key, or the token. */
	static String field(SigningException e) {
		var key = String.valueOf(e.key());
		return key.startsWith("signing.error.pin") ? "pin" : key.equals("signing.error.keyMissing") ? "alias"
				: key.equals("signing.error.holder") ? "tokenHolder" : "token";
	}
}
