package vn.xaso.platform.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * "These counters of this unit changed on this day by these amounts." Published with Spring's
 * event publisher inside the transaction that made the change, so it exists exactly when the
 * change does; the id lets a consumer apply it once even if it is delivered twice.
 *
 * @param day the Vietnam-local day the counted thing happened
 * @param deltas metric code → change (usually +1)
 */
public record MetricEvent(UUID id, String unitCode, LocalDate day, Map<String, Long> deltas, Instant at) {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	public MetricEvent {
		deltas = Map.copyOf(deltas);
		if (deltas.isEmpty()) {
			throw new IllegalArgumentException("A metric event needs at least one counter");
		}
	}

	/** These counters of this unit changed on {@code day} by these amounts, published now with a new id. */
	public static MetricEvent of(String unitCode, LocalDate day, Map<String, Long> deltas) {
		return new MetricEvent(UUID.randomUUID(), unitCode, day, deltas, Instant.now());
	}

	/** One or more counters +1 today (Vietnam time). */
	public static MetricEvent count(String unitCode, Instant at, String... metrics) {
		var deltas = new java.util.LinkedHashMap<String, Long>();
		for (var metric : metrics) {
			deltas.merge(metric, 1L, Long::sum);
		}
		return new MetricEvent(UUID.randomUUID(), unitCode, at.atZone(VIETNAM).toLocalDate(), deltas, at);
	}
}
