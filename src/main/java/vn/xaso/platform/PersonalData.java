package vn.xaso.platform;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks personal numbers — citizen identity numbers (CCCD, 12 digits; old CMND, 9 digits) and
 * Vietnamese phone numbers — wherever they would be shown in lists or written to logs and the
 * audit trail. Only the last digits stay visible, enough for a person to recognise their own.
 */
public final class PersonalData {

	// Phone: 0 or +84/84 followed by 9 digits (mobile 03/05/07/08/09, landline 02x).
	private static final Pattern PHONE = Pattern.compile("(?<![0-9])(?:\\+?84|0)([235789][0-9]{8})(?![0-9])");
	private static final Pattern CCCD = Pattern.compile("(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])");

	private PersonalData() {
	}

	/** {@code 001203012345} → {@code ********2345}. */
	public static String maskCccd(@Nullable String number) {
		if (number == null || number.isBlank()) {
			return "";
		}
		var digits = number.strip();
		return digits.length() <= 4 ? "****" : "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
	}

	/** {@code 0912345678} → {@code 091****678}. */
	public static String maskPhone(@Nullable String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		var p = phone.strip();
		if (p.length() < 7) {
			return "****";
		}
		return p.substring(0, 3) + "*".repeat(p.length() - 6) + p.substring(p.length() - 3);
	}

	/** Masks every phone number and identity number found in free text (log lines, summaries). */
	public static String maskAll(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text == null ? "" : text;
		}
		var phonesMasked = PHONE.matcher(text).replaceAll(m -> maskPhone(m.group()));
		return CCCD.matcher(phonesMasked).replaceAll(m -> maskCccd(m.group()));
	}

	/**
	 * Normalises a Vietnamese mobile number to {@code 0xxxxxxxxx}; returns null when it is not one.
	 * Accepts spaces, dots and dashes, and the +84 / 84 prefixes.
	 */
	public static @Nullable String normalisePhone(@Nullable String input) {
		if (input == null) {
			return null;
		}
		var digits = input.strip().replaceAll("[\\s.\\-()]", "");
		if (digits.startsWith("+84")) {
			digits = "0" + digits.substring(3);
		}
		else if (digits.startsWith("84") && digits.length() == 11) {
			digits = "0" + digits.substring(2);
		}
		return digits.matches("0[35789][0-9]{8}") ? digits : null;
	}

	/** A CCCD is 12 digits: 3 for the province of birth, 1 for century and sex, 2 for the year, 6 serial. */
	public static boolean isValidCccd(@Nullable String input) {
		if (input == null || !input.matches("[0-9]{12}")) {
			return false;
		}
		var centurySex = input.charAt(3) - '0';
		return centurySex <= 9;
	}
}
