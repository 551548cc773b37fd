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

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * The outbox row the benchmarks' pgbench replays write (bench/dossiers-submit-replay.sql, bench/economy.sh): a
	 * publication left incomplete there is read back by the application's redelivery. Its "at" written with
	 * {@code now()::text} ("2026-12-07 15:30:43.123456+00") is not an Instant — the redelivery failure seen in the
	 * app log — and as the replays now write it (ISO-8601 in UTC, as Jackson writes one) it reads back.
	 */
	@org.junit.jupiter.api.Test
	void theReplaysOutboxRowReadsBackAsTheApplicationWritesIt() {
		var template = "select '{\"id\":\"' || gen_random_uuid() || '\",\"unitCode\":\"14701\",\"day\":\"' || current_date"
				+ " || '\",\"deltas\":{\"economy.orders\":1},\"at\":\"' || %s || '\"}'";
		var iso = jdbc.sql(template.formatted("translate(to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24\"h\"MI\"h\"SS.US\"Z\"'), 'h', chr(58))"))
			.query(String.class).single();
		var event = serializer.deserialize(iso, MetricEvent.class);
		assertThat(event.at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.HOURS));
		assertThat(event.deltas()).containsEntry("economy.orders", 1L);

		var text = jdbc.sql(template.formatted("now()")).query(String.class).single();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> serializer.deserialize(text, MetricEvent.class))
			.hasMessageContaining("Instant");
	}

	@org.junit.jupiter.api.Test
	void anEventStoredNowIsReadBackEqual() {
		var event = MetricEvent.count("14701", Instant.now(), "economy.orders");
		assertThat(serializer.deserialize(serializer.serialize(event), MetricEvent.class)).isEqualTo(event);
	}
}
