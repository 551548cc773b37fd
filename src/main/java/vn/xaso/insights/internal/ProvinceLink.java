package vn.xaso.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

/**
 * The state of the link to the province's Kafka broker, as the producer sees it. Replaces Spring
 * Kafka's {@code LoggingProducerListener}, which logged an error with the whole record for every
 * event that could not be sent: during a day-long outage that is one line per event and per retry.
 * Here the log gets <b>one warning when the link goes down</b> and one line when it is back (with how
 * many sends failed meanwhile); the events themselves wait in the outbox ({@code event_publication})
 * and {@link MetricEventRedelivery} sends them again. {@link #down()} also tells the redelivery job to
 * send only a small probe while the link is down, instead of the whole backlog every minute.
 */
@Component
@ConditionalOnProperty(name = "xaso.insights.kafka.publish", havingValue = "true")
class ProvinceLink implements ProducerListener<Object, Object> {

	private static final Logger log = LoggerFactory.getLogger(ProvinceLink.class);

	/** When the current outage began; null while the link works. */
	private final AtomicReference<@Nullable Instant> downSince = new AtomicReference<>();
	private final AtomicLong failedSends = new AtomicLong();
	private final java.time.Clock clock;

	ProvinceLink(java.util.Optional<java.time.Clock> clock) {
		this.clock = clock.orElse(java.time.Clock.systemUTC());
	}

	@Override
	public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
		up();
	}

	@Override
	public void onError(ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception exception) {
		failed(exception);
	}

	void up() {
		var since = downSince.getAndSet(null);
		if (since != null) {
			log.info("Kết nối tới tỉnh (Kafka) đã trở lại sau {} / province link (Kafka) is back after {}; {} sends had failed, "
					+ "the waiting events are being sent", Duration.between(since, clock.instant()).withNanos(0),
					Duration.between(since, clock.instant()).withNanos(0), failedSends.getAndSet(0));
		}
	}

	void failed(Throwable cause) {
		failedSends.incrementAndGet();
		if (downSince.compareAndSet(null, clock.instant())) {
			log.warn("Mất kết nối tới tỉnh (Kafka) / province link (Kafka) is down: {}. XaSo keeps working; events wait in "
					+ "the outbox (metric xaso_outbox_backlog) and are sent when the link returns. No further warning until then.",
					cause.toString());
		}
		else {
			log.debug("Province link still down: {}", cause.toString());
		}
	}

	boolean down() {
		return downSince.get() != null;
	}
}
