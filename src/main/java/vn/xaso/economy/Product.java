package vn.xaso.economy;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A product of a producer, as the shop and the producer see it. {@code ocop} is null without a rating. */
public record Product(long id, String unitCode, long producerId, String producerName, String name, String description,
		Category category, String unitLabel, long priceVnd, int stock, @Nullable String season, @Nullable String gtin,
		@Nullable Ocop ocop, List<String> links, boolean listed, List<Long> photoIds) {

	/** Labels: economy.category.NAME. */
	public enum Category { FOOD, DRINK, HERB, CRAFT, FRESH, OTHER }

	/**
	 * An OCOP rating (QĐ 148/QĐ-TTg): 3 to 5 stars with the certificate number, the 100-point score and the
	 * certificate date; valid {@value #VALID_MONTHS} months from that date.
	 */
	public record Ocop(int stars, int score, String certificate, LocalDate certifiedOn) {

		public static final int VALID_MONTHS = 36;

		public LocalDate expiresOn() {
			return certifiedOn.plusMonths(VALID_MONTHS);
		}

		/** Whether the rating may be shown on {@code day}: certified by then and not yet expired. */
		public boolean validOn(LocalDate day) {
			return !certifiedOn.isAfter(day) && day.isBefore(expiresOn());
		}
	}

	/** The OCOP rating when it is valid today, else null (an expired rating stops showing). */
	public @Nullable Ocop shownOcop(LocalDate today) {
		return ocop != null && ocop.validOn(today) ? ocop : null;
	}

	public boolean inStock() {
		return stock > 0;
	}
}
