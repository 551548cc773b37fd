package vn.xaso.economy;

import org.jspecify.annotations.Nullable;

/**
 * What other modules (traceability) need to know about a product: its id, commune, producer, name, selling
 * unit and, when the producer has one, its GS1 GTIN. {@code ocopStars}: the valid OCOP rating today, if any.
 */
public record ProductSummary(long id, String unitCode, long producerId, String producerName, String name,
		String unitLabel, @Nullable String gtin, @Nullable Integer ocopStars) {
}
