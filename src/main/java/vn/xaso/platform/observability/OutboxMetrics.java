package vn.xaso.platform.observability;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The transactional outbox's backlog: events published but not yet completed by their listener (metric
 * events waiting for the province link, deliveries to retry). Grows while Kafka or a listener is down and
 * falls back to zero when it returns. Read at scrape time, one indexed count.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("xaso.outbox.backlog", this::backlog)
			.description("Events published but not yet completed by their listener")
			.register(registry);
	}

	private double backlog() {
		try {
			return jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single();
		}
		catch (RuntimeException e) {
			return Double.NaN;
		}
	}
}
