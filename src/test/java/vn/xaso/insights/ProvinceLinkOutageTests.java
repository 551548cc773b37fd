package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.XasoApplication;
import vn.xaso.demo.DemoData;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.Open311Keys;
import vn.xaso.identity.Role;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Issue 12, "province link down": a commune instance publishes its metric events through the outbox
 * to the province's Kafka broker over a line ({@link LinkProxy}) that is cut and restored. While it is
 * cut, citizens' reports are answered at once, the events wait in the outbox ({@code xaso_outbox_backlog}
 * grows) and the log gets one warning, not one per event. When it is back every event reaches the
 * province exactly once: the province's count equals the commune's recount from its own tables.
 * <p>
 * The outage lasts a day on the application's clock: a day's reports are filed hour by hour and the
 * {@link Clock} bean (which Modulith's outbox registry, the redelivery job, its clean-up and the link
 * state all read) moves on an hour after each share, so redeliver-after, the clean-up of delivered
 * events and the outage's length run as over 24 hours while the test takes under a minute. The Kafka
 * producer's own timeouts (seconds) run on real time, as they would. {@code bench/outage.sh} runs the
 * same with a thousand reports (and {@code -Dxaso.outage.hours} for longer).
 */
class ProvinceLinkOutageTests {

	static final String TOPIC = "xaso.metrics.outage";
	static final String RECEIVED = "feedback.received";
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final String TOKEN = "outage-metrics-token-2026";

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theCommuneKeepsServingForADayWithoutTheLinkAndTheProvinceGetsEveryEventOnce() throws Exception {
		int reports = Integer.getInteger("xaso.outage.reports", 48);
		var outage = Duration.ofHours(Long.getLong("xaso.outage.hours", 24));
		var clock = new FastClock();
		try (var line = new LinkProxy()) {
			// The broker tells clients to reach it through the line.
			var broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + line.port());
			broker.afterPropertiesSet();
			line.target(Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", "")));
			try (var commune = start("localhost:" + line.port(), clock)) {
				int port = ((WebServerApplicationContext) commune).getWebServer().getPort();
				var jdbc = commune.getBean(JdbcClient.class);
				var apiKey = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> commune.getBean(Open311Keys.class)
					.create(new FeedbackActor(DemoData.YEN_MO, "yenmo.admin", "Quản trị", Set.of(Role.ADMIN)), "Ứng dụng tỉnh"));

				// Link up: a few reports, everything delivered (the demo data's events too).
				for (int i = 0; i < 3; i++) {
					assertThat(report(port, apiKey, "trước " + i).statusCode()).isEqualTo(200);
				}
				await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> backlog(port) == 0);
				var cutAt = clock.instant();
				assertThat(delivered(jdbc, cutAt)).as("delivered publications kept before the outage").isPositive();

				// Cut the line; count what is logged from now on. A day's reports, the clock an hour on after each
				// share, so that every time rule of the outbox runs as it would over the day.
				var logged = capture();
				line.cut();
				long slowest = 0;
				int hours = (int) outage.toHours();
				for (int hour = 0, sent = 0; hour < hours; hour++) {
					for (int until = (hour + 1) * reports / hours; sent < until; sent++) {
						long start = System.nanoTime();
						var answer = report(port, apiKey, "trong lúc mất kết nối " + sent);
						slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
						assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
					}
					clock.advance(Duration.ofHours(1));
					// A redelivery round in each hour of the day: the hour's jump makes the oldest waiting event due
					// again, and the next round probes it. With a thousand waiting events a round takes longer than
					// a fixed pause (bench/outage.sh failed with 3 probes in 24 hours when this was a 1.5 s sleep).
					int probed = maxAttempts(jdbc);
					await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> maxAttempts(jdbc) > probed);
				}
				assertThat(Duration.between(cutAt, clock.instant())).isGreaterThanOrEqualTo(outage);
				assertThat(slowest).as("a report is answered at once, the broker is not waited for (ms)").isLessThan(3000);
				var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/procedures")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(backlog(port)).as("the events wait in the outbox").isGreaterThanOrEqualTo(reports);
				// The time rules ran on the day's clock: the waiting events were probed again hour after hour
				// (redeliver-after), and what had been delivered before the outage was cleaned up
				// after keep-completed (12 hours here) while nothing waiting was touched.
				assertThat(maxAttempts(jdbc)).as("probes through the day").isGreaterThanOrEqualTo(hours);
				await().atMost(Duration.ofSeconds(20)).until(() -> delivered(jdbc, cutAt) == 0);
				var warnings = logged.events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
				assertThat(warnings.stream().filter(e -> e.getLoggerName().endsWith("ProvinceLink")))
					.as("one warning for the outage").hasSize(1);
				assertThat(warnings).as("no line per event: %s", warnings.stream().map(ILoggingEvent::getFormattedMessage).toList())
					.hasSizeLessThan(4);

				// The line is back: the backlog drains and the province's count equals the commune's recount.
				line.restore();
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> backlog(port) == 0);
				logged.stop();
				assertThat(logged.events.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("is back after PT")))
					.as("the outage measured on the day's clock (from the first failed send, which the producer reports after its timeout)").singleElement().asString().containsPattern("is back after PT(1[2-9]|2[0-9])H");
				// The reports of the day carry the application's dates: the day of the cut and the next one.
				var from = LocalDate.ofInstant(cutAt, MetricEvent.VIETNAM);
				var to = LocalDate.now(clock.withZone(MetricEvent.VIETNAM));
				var recount = recount(commune, from, to);
				assertThat(recount).as("the commune's own count includes every report").isGreaterThanOrEqualTo(3 + reports);
				var province = province(broker);
				// At least once, by design: a send still in the producer's buffer when the line came back and the
				// redelivery of the same event may both arrive. The province applies an id once (Facts.apply, and the
				// count below); what must never happen is the backlog sent twice. The test squeezes the day into about
				// a minute of real time, so every send of the producer's last delivery time-out (a good share of the
				// day's reports here, never all of them) is still in flight when the line comes back: in a real day
				// that is only the last minute's reports.
				assertThat(province.duplicates).as("events that arrived twice: those in flight at most, never the whole backlog")
					.isLessThan(reports);
				long atProvince = from.datesUntil(to.plusDays(1))
					.mapToLong(day -> province.received.getOrDefault(DemoData.YEN_MO + "|" + day, 0L)).sum();
				assertThat(atProvince).as("province = recount, %s to %s", from, to).isEqualTo(recount);
			}
			finally {
				broker.destroy();
			}
		}
	}

	/** Delivered publications from before {@code at} still in the outbox. */
	private static long delivered(JdbcClient jdbc, Instant at) {
		return jdbc.sql("select count(*) from event_publication where completion_date is not null and publication_date < ?")
			.param(java.sql.Timestamp.from(at)).query(Long.class).single();
	}

	/** The most times a waiting event has been tried: it goes up by one with each probe of the oldest event. */
	private static int maxAttempts(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(max(completion_attempts), 0) from event_publication where completion_date is null")
			.query(Integer.class).single();
	}

	/** Real time plus whatever the test moved it on: the clock the outbox, its redelivery and clean-up read. */
	static final class FastClock extends Clock {
		private final AtomicReference<Duration> ahead;
		private final ZoneId zone;

		FastClock() {
			this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
		}

		private FastClock(AtomicReference<Duration> ahead, ZoneId zone) {
			this.ahead = ahead;
			this.zone = zone;
		}

		void advance(Duration by) {
			ahead.updateAndGet(d -> d.plus(by));
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(ahead.get());
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return new FastClock(ahead, other); // the same offset: moving one moves all
		}
	}

	private static ConfigurableApplicationContext start(String bootstrap, Clock clock) {
		var args = List.of("--server.port=0", "--xaso.data-dir=" + Path.of("target/test-data/outage-" + UUID.randomUUID()),
				"--xaso.demo.load=true", "--xaso.db.durable=false", "--xaso.backup.schedule=-",
				"--xaso.documents.jobs.enabled=false", "--xaso.notify.jobs.enabled=false", "--xaso.metrics.token=" + TOKEN,
				// bench/outage.sh files a thousand reports with one key from one address
				"--xaso.feedback.open311-per-key-per-hour=1000000", "--xaso.feedback.open311-per-address-per-hour=1000000",
				"--spring.kafka.bootstrap-servers=" + bootstrap, "--xaso.insights.kafka.publish=true",
				"--xaso.insights.kafka.topic=" + TOPIC,
				// the production timeouts of the producer scaled down (application.yml); these run on real time
				"--spring.kafka.producer.properties.max.block.ms=1000", "--spring.kafka.producer.properties.request.timeout.ms=1000",
				"--spring.kafka.producer.properties.delivery.timeout.ms=2000",
				"--spring.kafka.producer.properties.reconnect.backoff.max.ms=1000",
				// the outbox's rules on the day's clock; rounds often, so that each hour has some; redeliver-after
				// (production 2 min) still far below an hour but short enough for the events probed last to go
				// out within seconds of the line's return
				"--xaso.insights.redeliver-after=20s", "--xaso.insights.redeliver-every=500ms",
				"--xaso.events.keep-completed=12h", "--xaso.events.cleanup-every=1s");
		return new SpringApplicationBuilder(XasoApplication.class)
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
			.run(args.toArray(String[]::new));
	}

	private HttpResponse<String> report(int port, String apiKey, String text) throws Exception {
		var form = Map.of("jurisdiction_id", DemoData.YEN_MO, "api_key", apiKey, "service_code", "DIEN-CS", "lat", "20.1075",
				"long", "105.9750", "description", "Đèn đường thôn Bình Hải bị tắt, " + text);
		var body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** {@code xaso_outbox_backlog} as Prometheus reads it. */
	private long backlog(int port) throws Exception {
		var text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
		return text.lines().filter(l -> l.startsWith("xaso_outbox_backlog "))
			.mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim())).findFirst().orElseThrow();
	}

	/** The commune's recount of reports received on those days, from its own tables. */
	private static long recount(ConfigurableApplicationContext app, LocalDate from, LocalDate to) {
		var source = app.getBeansOfType(MetricSource.class).values().stream().filter(s -> s.metrics().contains(RECEIVED))
			.findFirst().orElseThrow();
		var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> source.recount(from, to).stream()
			.filter(c -> c.unitCode().equals(DemoData.YEN_MO) && c.metric().equals(RECEIVED))
			.mapToLong(MetricSource.MetricCount::value).sum()));
	}

	/** What reached the province: the whole topic, each event once by its id (as the national consumer counts). */
	private record Province(Map<String, Long> received, long duplicates) {
	}

	private static Province province(EmbeddedKafkaKraftBroker broker) {
		var props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "province-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		var seen = new HashMap<String, Integer>();
		var received = new HashMap<String, Long>();
		try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
			var partition = new TopicPartition(TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (var record : consumer.poll(Duration.ofSeconds(1))) {
					var event = JSON.readValue(new String(record.value(), StandardCharsets.UTF_8), MetricEvent.class);
					if (seen.merge(event.id().toString(), 1, Integer::sum) == 1) {
						received.merge(event.unitCode() + "|" + event.day(), event.deltas().getOrDefault(RECEIVED, 0L), Long::sum);
					}
				}
			}
		}
		long duplicates = seen.values().stream().mapToLong(n -> n - 1).sum();
		return new Province(received, duplicates);
	}

	/** Every log event of every logger from now until {@link #stop()}. */
	private static Captured capture() {
		var captured = new Captured();
		captured.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
		captured.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(captured);
		return captured;
	}

	static final class Captured extends AppenderBase<ILoggingEvent> {
		final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

		@Override
		protected void append(ILoggingEvent event) {
			events.add(event);
		}

		@Override
		public void stop() {
			((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this);
			super.stop();
		}
	}
}
