package vn.xaso.payments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.xaso.platform.VietnameseText;

/**
 * Short bill references the payer's bank carries back in the transfer content: "XS", the bill id in
 * base 36 padded to 7 characters, and 2 check characters (11 characters, letters and digits only).
 * The fixed length and the check characters let a reference be found inside any text even after a
 * bank removed the spaces around it or changed its case.
 */
public final class BillReferences {

	public static final String PREFIX = "XS";
	public static final int LENGTH = 11;
	private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private BillReferences() {
	}

	public static String of(long billId) {
		if (billId <= 0 || billId >= 78_364_164_096L) {
			throw new IllegalArgumentException("Bill id out of range for a reference: " + billId);
		}
		var body = Long.toString(billId, 36).toUpperCase(Locale.ROOT);
		body = "0".repeat(7 - body.length()) + body;
		return PREFIX + body + check(PREFIX + body);
	}

	/** Two base-36 check characters: a weighted sum over the 9 characters, mod 36², so any single change or swap is caught. */
	static String check(String nine) {
		int sum = 0;
		for (int i = 0; i < nine.length(); i++) {
			sum = (sum * 37 + DIGITS.indexOf(nine.charAt(i)) + 1) % 1291; // 1291 is prime, < 36²
		}
		return "" + DIGITS.charAt(sum / 36) + DIGITS.charAt(sum % 36);
	}

	public static boolean isValid(String reference) {
		var r = reference.toUpperCase(Locale.ROOT);
		return r.length() == LENGTH && r.startsWith(PREFIX) && r.chars().allMatch(c -> DIGITS.indexOf(c) >= 0)
				&& check(r.substring(0, 9)).equals(r.substring(9));
	}

	/** Upper-case letters and digits only, diacritics removed ("đ" → "D"): how matching sees a transfer content. */
	public static String compact(String text) {
		var s = VietnameseText.fold(text).toUpperCase(Locale.ROOT);
		var out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Every valid reference found anywhere in a transfer content, in order, without repeats. */
	public static List<String> findIn(String content) {
		var s = compact(content);
		var found = new ArrayList<String>();
		for (int i = s.indexOf(PREFIX); i >= 0 && i + LENGTH <= s.length(); i = s.indexOf(PREFIX, i + 1)) {
			var candidate = s.substring(i, i + LENGTH);
			if (isValid(candidate) && !found.contains(candidate)) {
				found.add(candidate);
			}
		}
		return found;
	}
}
