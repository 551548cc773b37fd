package vn.xaso.economy.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * GTINs of batches. A product with its own GS1 GTIN uses it (8, 12, 13 or 14 digits, kept as 14). A product without one
 * gets a <b>commune-assigned</b> number in GS1's restricted-circulation range for in-company use (prefix 04, GS1 General
 * Specifications §2.1.11): {@code 04} + the commune's 5-digit code + the product id in 5 digits + the check digit,
 * as a GTIN-13 written in 14 digits ({@code 004…}). It is meaningful inside XaSo only, which its resolver knows.
 */
public final class Gtins {

	/** A commune-assigned GTIN decoded: the commune and the product. */
	public record CommuneItem(String unitCode, long productId) {
	}

	private Gtins() {
	}

	/** The batch GTIN of a product in 14 digits, or empty when a commune number cannot be made (id above 99999). */
	public static Optional<String> of(@Nullable String productGtin, String unitCode, long productId) {
		if (productGtin != null) {
			return Optional.of(pad(productGtin));
		}
		if (!unitCode.matches("[0-9]{5}") || productId < 1 || productId > 99_999) {
			return Optional.empty();
		}
		var body = "04" + unitCode + String.format("%05d", productId);
		return Optional.of(pad(body + checkDigit(body)));
	}

	/** A GTIN from a Digital Link path (8, 12, 13 or 14 digits, check digit right) in 14 digits, else empty. */
	public static Optional<String> parse(String text) {
		return text.matches("[0-9]{8}|[0-9]{12,14}") && ProductEntry.validGtin(text) ? Optional.of(pad(text)) : Optional.empty();
	}

	public static Optional<CommuneItem> communeAssigned(String gtin14) {
		if (!gtin14.startsWith("004")) {
			return Optional.empty();
		}
		return Optional.of(new CommuneItem(gtin14.substring(3, 8), Long.parseLong(gtin14.substring(8, 13))));
	}

	static String pad(String gtin) {
		return "0".repeat(14 - gtin.length()) + gtin;
	}

	static int checkDigit(String body) {
		int sum = 0;
		for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (body.charAt(i) - '0') * weight;
		}
		return (10 - sum % 10) % 10;
	}
}
