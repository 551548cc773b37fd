package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.XasoApplication;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * From provinces to the nation through a real (embedded KRaft) Kafka broker: two producing
 * instances, one national consumer, each with its own embedded PostgreSQL. The national figures
 * equal the sum of the parts; a consumer restart loses nothing, and a full redelivery of the
 * topic counts nothing twice.
 */
class InsightsKafkaTests {

	static final String TOPIC = "xaso.metrics.test";
	static final List<String> METRICS = List.of("documents.outgoing_released", "documents.outgoing_signed");
	static final LocalDate FROM = LocalDate.of(2005, 1, 1);
	static final LocalDate TO = LocalDate.of(2005, 12, 31);

	@Test
	void nationalFiguresAreTheSumOfTheProvincesAcrossAConsumerRestartAndARedelivery() {
		var broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
		broker.afterPropertiesSet();
		var bootstrap = broker.getBrokersAsString();
		var nationalData = Path.of("target/kafka-national-" + UUID.randomUUID());
		try (var ninhBinh = start(bootstrap, Path.of("target/kafka-ninhbinh-" + UUID.randomUUID()), "--xaso.insights.kafka.publish=true");
				var thanhHoa = start(bootstrap, Path.of("target/kafka-thanhhoa-" + UUID.randomUUID()), "--xaso.insights.kafka.publish=true")) {
			var national = start(bootstrap, nationalData, "--xaso.insights.kafka.consume=true", "--xaso.insights.kafka.group=national");
			try {
				publish(ninhBinh, List.of("14701", "14722", "14725"), 40);
				publish(thanhHoa, List.of("16144", "16147"), 30);
				awaitNationalEqualsSum(national, ninhBinh, thanhHoa);
				// The consumer stops; the provinces keep working; it comes back on the same database.
				national.close();
				publish(ninhBinh, List.of("14701"), 25);
				publish(thanhHoa, List.of("16144", "16150"), 15);
				national = start(bootstrap, nationalData, "--xaso.insights.kafka.consume=true", "--xaso.insights.kafka.group=national");
				awaitNationalEqualsSum(national, ninhBinh, thanhHoa);
				var settled = sums(national);
				// A new consumer group reads the whole topic again: every event arrives a second time.
				national.close();
				national = start(bootstrap, nationalData, "--xaso.insights.kafka.consume=true", "--xaso.insights.kafka.group=replay");
				var replay = national;
				await().atMost(Duration.ofSeconds(180)).until(() -> lag(broker, "replay") == 0);
				assertThat(sums(replay)).isEqualTo(settled).isEqualTo(add(sums(ninhBinh), sums(thanhHoa)));
			}
			finally {
				national.close();
			}
		}
		finally {
			broker.destroy();
		}
	}

	private static ConfigurableApplicationContext start(String bootstrap, Path dataDir, String... extra) {
		var args = new ArrayList<>(List.of("--server.port=0", "--xaso.data-dir=" + dataDir, "--xaso.demo.load=false",
				"--xaso.documents.jobs.enabled=false", "--spring.kafka.bootstrap-servers=" + bootstrap,
				"--xaso.insights.kafka.topic=" + TOPIC,
				// a burst of events may find no free connection on a busy machine: deliver again soon
				"--xaso.insights.redeliver-after=10s", "--xaso.insights.redeliver-every=5s"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(XasoApplication.class).run(args.toArray(String[]::new));
	}

	/** Events published so far: metric → total of deltas. */
	private final Map<String, Long> published = new HashMap<>();

	/** Metric events published the way modules publish them: inside the transaction of the change. */
	private void publish(ConfigurableApplicationContext app, List<String> units, int eventsPerUnit) {
		ApplicationEventPublisher events = app;
		var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		for (var unit : units) {
			for (int i = 0; i < eventsPerUnit; i++) {
				var day = FROM.plusDays(Math.floorMod(i * 7L + unit.hashCode(), 360L));
				var deltas = i % 3 == 0 ? Map.of(METRICS.get(0), 1L) : Map.of(METRICS.get(0), 1L, METRICS.get(1), 1L);
				deltas.forEach((k, v) -> published.merge(k, v, Long::sum));
				Tenancy.runAs(UnitScope.of(unit), () -> tx.executeWithoutResult(s ->
						events.publishEvent(new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now()))));
			}
		}
	}

	private static Map<String, Long> sums(ConfigurableApplicationContext app) {
		var facts = app.getBean(Facts.class);
		return Tenancy.callAs(UnitScope.systemWide(), () -> facts.sums(null, METRICS, FROM, TO));
	}

	private static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b) {
		var total = new HashMap<>(a);
		b.forEach((k, v) -> total.merge(k, v, Long::sum));
		return total;
	}

	/** Each province counts its own events, the nation counts all of them: both equal what was published. */
	private void awaitNationalEqualsSum(ConfigurableApplicationContext national, ConfigurableApplicationContext... parts) {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			var sumOfParts = new HashMap<String, Long>();
			for (var part : parts) {
				sumOfParts = new HashMap<>(add(sumOfParts, sums(part)));
			}
			assertThat(sumOfParts).isEqualTo(published);
			assertThat(sums(national)).isEqualTo(published);
		});
	}

	/** Records of the topic the group has not committed yet. */
	private static long lag(EmbeddedKafkaKraftBroker broker, String group) {
		return broker.doWithAdminFunction(admin -> {
			try {
				var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
				var request = new HashMap<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>();
				for (int p = 0; p < 2; p++) {
					request.put(new org.apache.kafka.common.TopicPartition(TOPIC, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
				}
				var ends = admin.listOffsets(request).all().get();
				long lag = 0;
				for (var e : ends.entrySet()) {
					var done = committed.get(e.getKey());
					lag += e.getValue().offset() - (done == null ? 0 : done.offset());
				}
				return lag;
			}
			catch (Exception e) {
				return Long.MAX_VALUE;
			}
		});
	}
}
