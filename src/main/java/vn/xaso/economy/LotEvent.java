package vn.xaso.economy;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One EPCIS 2.0 event of a batch, with what the public page shows in plain words: {@code step} (the XaSo step, such as
 * {@code HARVESTED}, or null for an event captured from another system), the CBV business step, the quantity, the note
 * and the plus code of the place, the pack or case it was packed into ({@code packId}, an AggregationEvent's parent);
 * {@code document} is the event's JSON-LD as stored.
 */
public record LotEvent(long id, String eventId, String type, @Nullable String bizStep, @Nullable String step, Instant eventTime,
		@Nullable BigDecimal quantity, @Nullable String note, @Nullable String plusCode, @Nullable String packId, String document, Instant recordedAt) {
}
