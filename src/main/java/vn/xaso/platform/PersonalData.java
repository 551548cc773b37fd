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
	// Identity: a CCCD is 12 digits opening with a province code, and every province code starts with 0
	// (001-096); an old CMND is 9 digits. Other 12-digit runs (Flyway versions such as 202612060200, dates
	// and times written yyyyMMddHHmm) are not identity numbers and stay readable in logs.
	private static final Pattern CCCD = Pattern.compile("(?<![0-9])(0[0-9]{11}|[0-9]{9})(?![0-9])");

	private static final Pattern UUID = Pattern.compile(
			"(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])");

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
		// UUIDs (request ids, data folder names) are not personal numbers: mask only the text between them.
		var uuids = UUID.matcher(text);
		var out = new StringBuilder(text.length());
		var from = 0;
		while (uuids.find()) {
			out.append(maskNumbers(text.substring(from, uuids.start()))).append(uuids.group());
			from = uuids.end();
		}
		return out.append(maskNumbers(text.substring(from))).toString();
	}

	private static String maskNumbers(String text) {
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

	/**
	 * Province codes that open a CCCD number: the 63 provinces' codes before the 2025 merger
	 * (Thông tư 59/2021/TT-BCA, Phụ lục I), padded to three digits.
	 */
	private static final java.util.Set<String> CCCD_PROVINCES = java.util.Set.of("001", "002", "004", "006", "008",
			"010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031",
			"033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052",
			"054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079",
			"080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

	/**
	 * A CCCD is 12 digits: 3 for the province where the birth was registered, 1 for century and
	 * sex (0/1 for 1900s, 2/3 for 2000s, ...), 2 for the year of birth, 6 serial.
	 */
	public static boolean isValidCccd(@Nullable String input) {
		if (input == null || !input.matches("[0-9]{12}")) {
			return false;
		}
		return CCCD_PROVINCES.contains(input.substring(0, 3));
	}

	/** Why a CCCD number is refused, in plain Vietnamese, or null when it is valid. */
	public static @Nullable String cccdProblem(@Nullable String input) {
		var problem = cccdProblemText(input);
		return problem == null ? null : Refusal.bundleText(BUNDLE, problem.key(), problem.args());
	}

	/** The shared kernel's bundle ({@code i18n/platform}, English in {@code _en}). */
	public static final String BUNDLE = "i18n/platform";

	/** Why a CCCD number is refused (a message of {@link #BUNDLE}), or null when it is valid. */
	public static Refusal.@Nullable Text cccdProblemText(@Nullable String input) {
		if (input == null || input.isBlank()) {
			return new Refusal.Text("platform.error.cccdMissing");
		}
		var trimmed = input.strip();
		if (!trimmed.matches("[0-9]+")) {
			return new Refusal.Text("platform.error.cccdDigits");
		}
		if (trimmed.length() != 12) {
			return new Refusal.Text("platform.error.cccdLength", String.valueOf(trimmed.length()));
		}
		if (!CCCD_PROVINCES.contains(trimmed.substring(0, 3))) {
			return new Refusal.Text("platform.error.cccdProvince", trimmed.substring(0, 3));
		}
		return null;
	}
}
