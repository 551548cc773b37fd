package vn.xaso.insights.internal;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.Json;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * From one commune or province to the nation: with {@code xaso.insights.kafka.publish=true}
 * every {@link MetricEvent} is also externalised by Spring Modulith to the Kafka topic (key = the
 * unit code, so one unit's events stay in order), from the same transactional outbox that feeds
 * the local counters — so an event is sent at least once, and only if its change committed.
 * With {@code xaso.insights.kafka.consume=true} a national instance applies that topic to its own
 * counters; {@link Facts#apply} ignores an event id it has seen, so redelivery never counts twice.
 */
@Configuration(proxyBeanMethods = false)
class KafkaBridge {

	static final String TOPIC = "${xaso.insights.kafka.topic:xaso.metrics}";

	@Bean
	@ConditionalOnProperty(name = "xaso.insights.kafka.publish", havingValue = "true")
	EventExternalizationConfiguration metricEventsToKafka(org.springframework.core.env.Environment env) {
		var topic = env.getProperty("xaso.insights.kafka.topic", "xaso.metrics");
		return EventExternalizationConfiguration.externalizing()
			.select(event -> event instanceof MetricEvent)
			.route(MetricEvent.class, event -> RoutingTarget.forTarget(topic).andKey(event.unitCode()))
			.build();
	}

	@Component
	@ConditionalOnProperty(name = "xaso.insights.kafka.consume", havingValue = "true")
	static class NationalConsumer {

		private static final Logger log = LoggerFactory.getLogger(NationalConsumer.class);
		private static final JsonMapper JSON = Json.MAPPER;

		private final Facts facts;

		NationalConsumer(Facts facts) {
			this.facts = facts;
		}

		/** Offsets are committed after this returns, so a crash before that means redelivery, not loss. */
		@KafkaListener(topics = TOPIC, groupId = "${xaso.insights.kafka.group:xaso-national}")
		void on(ConsumerRecord<String, byte[]> record) {
			var event = JSON.readValue(new String(record.value(), StandardCharsets.UTF_8), MetricEvent.class);
			Tenancy.runAs(UnitScope.of(event.unitCode()), () -> {
				if (!facts.apply(event)) {
					log.debug("Metric event {} of {} already applied", event.id(), event.unitCode());
				}
			});
		}
	}
}
