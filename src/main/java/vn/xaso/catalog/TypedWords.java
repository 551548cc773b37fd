package vn.xaso.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Vietnamese words people type into an e-form that the checks read (never shown): a currency written after an
 * amount ("1.500.000 đ", "… đồng") and "có" for a ticked box. Listed as data in {@code NoVietnameseLiteralsTests}.
 */
final class TypedWords {

	private static final Pattern CURRENCY = Pattern.compile("(?i)\\s*(đ|vnd|vnđ|đồng)$");

	private TypedWords() {
	}

	/** The amount without a currency word after it. */
	static String withoutCurrency(String value) {
		return CURRENCY.matcher(value).replaceAll("");
	}

	/** Whether the value is "có" (yes), in any case. */
	static boolean yes(String value) {
		return value.toLowerCase(Locale.ROOT).equals("có");
	}
}
