package vn.xaso.economy;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A production batch (lô) of a product: its GS1 identifiers — {@code gtin} in 14 digits (the product's own GTIN, or a
 * commune-assigned number when the producer has none, {@code communeGtin}) and the lot number (GS1 AI 10) — its dates,
 * quantity and origin, and, once recalled, who recalled it, when and why. {@code ocopStars}: the valid rating today.
 */
public record Lot(long id, String unitCode, long productId, long producerId, String productName, String unitLabel,
		String producerName, String gtin, boolean communeGtin, String lotNumber, LocalDate producedOn, @Nullable LocalDate bestBefore,
		int quantity, @Nullable String origin, @Nullable Integer ocopStars, Instant createdAt, @Nullable Instant recalledAt,
		@Nullable String recalledBy, @Nullable String recallReason) {

	public boolean recalled() {
		return recalledAt != null;
	}

	/** The GS1 Digital Link path of the batch: {@code /01/{gtin}/10/{lot}}. */
	public String digitalLinkPath() {
		return "/01/" + gtin + "/10/" + lotNumber;
	}

	/** The batch's class identifier in EPCIS events: the canonical GS1 Digital Link URI. */
	public String epcClass() {
		return "https://id.gs1.org" + digitalLinkPath();
	}
}
