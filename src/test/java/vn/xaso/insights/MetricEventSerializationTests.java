package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import vn.xaso.platform.Json;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A metric event kept in the transactional outbox is read back when it is delivered again
 * ({@code MetricEventRedelivery}) and by the national consumer from Kafka: its {@link Instant} — nanoseconds
 * included, as {@code Instant.now()} gives them — and every other field must survive the application's own event
 * serializer (the one Spring Modulith uses for the outbox) and the Kafka mapper unchanged.
 */
@XasoIntegrationTest
class MetricEventSerializationTests {

	@Autowired
	EventSerializer serializer;

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-07T15:30:43.123456789Z", "2026-12-07T15:30:43.100Z", "2026-12-07T15:30:43Z",
			"2026-12-07T15:30:43.000000001Z", "2026-12-07T08:30:43.999999Z" })
	void aMetricEventWithNanosecondsRoundTripsThroughTheOutboxAndKafkaSerializers(String at) {
		var event = new MetricEvent(UUID.randomUUID(), "14701", LocalDate.of(2026, 12, 7), Map.of("economy.orders", 1L, "economy.orders_value_vnd", 90_000L),
				Instant.parse(at));

		var stored = serializer.serialize(event);
		assertThat(serializer.deserialize(stored, MetricEvent.class)).isEqualTo(event);

		var sent = Json.MAPPER.writeValueAsString(event);
		assertThat(Json.MAPPER.readValue(sent, MetricEvent.class)).isEqualTo(event);
	}

	@org.junit.jupiter.api.Test
	void anEventStoredNowIsReadBackEqual() {
		var event = MetricEvent.count("14701", Instant.now(), "economy.orders");
		assertThat(serializer.deserialize(serializer.serialize(event), MetricEvent.class)).isEqualTo(event);
	}
}
