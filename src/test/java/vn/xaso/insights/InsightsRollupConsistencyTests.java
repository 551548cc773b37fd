package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.feedback.Feedback;
import vn.xaso.identity.Citizens;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.Json;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * The province and nation roll-ups (issue 15) are kept in the counters' transaction: they equal the
 * modules' recount after concurrent real events and after an event delivered twice, they give the same
 * figures as summing the communes' counters did, concurrent events on the same shared rows neither
 * deadlock nor lose an update, and the migration back-fills them from counters kept before they existed.
 */
@XasoIntegrationTest
class InsightsRollupConsistencyTests {

	static final List<String> FEEDBACK = List.of("feedback.received");

	@Autowired
	Feedback feedback;

	@Autowired
	Citizens citizens;

	@Autowired
	Facts facts;

	@Autowired
	Indicators indicators;

	@Autowired
	Units units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private <T> T system(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> new TransactionTemplate(transactions).execute(s -> work.get()));
	}

	private long rollup(String unit, String metric, LocalDate from, LocalDate to) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> facts.rollups(List.of(unit), List.of(metric), from, to))
			.getOrDefault(unit, Map.of()).getOrDefault(metric, 0L);
	}

	private long counters(String metric, LocalDate from, LocalDate to, List<String> unitCodes) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> facts.sums(unitCodes, List.of(metric), from, to)).getOrDefault(metric, 0L);
	}

	private String provinceOf(String commune) {
		return units.tree().provinceOf(commune);
	}

	@Test
	void theRollUpsEqualTheRecountAfterConcurrentEventsAndAfterAnEventDeliveredTwice() throws Exception {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var ninhBinh = DemoData.NINH_BINH;
		var second = units.communesOf(ninhBinh).stream().filter(c -> !c.equals(DemoData.YEN_MO)).sorted().toList().get(5);
		var communes = List.of(DemoData.YEN_MO, second, DemoData.NGA_AN);
		var other = provinceOf(DemoData.NGA_AN);
		assertThat(other).isNotEqualTo(ninhBinh);
		long nationBefore = rollup(Facts.NATION, "feedback.received", today, today);
		long ninhBinhBefore = rollup(ninhBinh, "feedback.received", today, today);
		long otherBefore = rollup(other, "feedback.received", today, today);

		// 4 threads × 6 reports over three communes of two provinces, all at once: each report's
		// metric event is applied by the asynchronous listener, concurrently with the others.
		long citizen = citizens.ensure("0988000015", "Đỗ Thị Tổng Hợp");
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(4);
		var done = new ArrayList<Future<?>>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < 6; i++) {
					var unit = communes.get((thread + i) % 3);
					feedback.submit(new Feedback.NewReport(unit, "DIEN-CS", "Đèn đường số " + thread + "-" + i + " cạnh chợ không sáng từ tối qua.",
							20.10, 105.98, null, "", citizen, false, null, null, null, List.of(), "web", null, null));
				}
				return null;
			}));
		}
		start.countDown();
		for (var f : done) {
			f.get();
		}
		pool.shutdown();
		// 24 reports: Yên Mô and the second commune of Ninh Bình 8 each, Nga An 8.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(rollup(Facts.NATION, "feedback.received", today, today) - nationBefore).isEqualTo(24);
			assertThat(rollup(ninhBinh, "feedback.received", today, today) - ninhBinhBefore).isEqualTo(16);
			assertThat(rollup(other, "feedback.received", today, today) - otherBefore).isEqualTo(8);
		});
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(system(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and event_type like '%MetricEvent'")
			.query(Long.class).single())).isZero());
		// Counters and roll-ups equal the modules' recount (Facts.check compares both).
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(today.minusDays(1), today))).isEmpty();

		// One of these events delivered once more (as Modulith's redelivery or the national consumer may):
		// refused by the guard, counters, roll-ups and the check unchanged.
		var json = system(() -> jdbc.sql("""
				select serialized_event from event_publication
				where event_type like '%MetricEvent' and completion_date is not null and serialized_event like ?
				order by publication_date desc limit 1""").param("%\"" + DemoData.NGA_AN + "\"%feedback.received%")
			.query(String.class).single());
		var event = Json.MAPPER.readValue(json, MetricEvent.class);
		assertThat(event.unitCode()).isEqualTo(DemoData.NGA_AN);
		long nationNow = rollup(Facts.NATION, "feedback.received", today, today);
		long otherNow = rollup(other, "feedback.received", today, today);
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.NGA_AN), () -> facts.apply(event))).isFalse();
		assertThat(rollup(Facts.NATION, "feedback.received", today, today)).isEqualTo(nationNow);
		assertThat(rollup(other, "feedback.received", today, today)).isEqualTo(otherNow);
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(today.minusDays(1), today))).isEmpty();

		// The pages' figures from the roll-ups equal the sums of the communes' counters (how they were computed before).
		var yearStart = today.withDayOfYear(1);
		var all = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.values(Indicators.NATION, yearStart, today));
		var province = Tenancy.callAs(UnitScope.of(withProvince(ninhBinh)), () -> indicators.values(ninhBinh, yearStart, today));
		var communeCodes = List.copyOf(units.communesOf(ninhBinh));
		for (int i = 0; i < all.size(); i++) {
			var indicator = all.get(i).indicator();
			if (indicator.kind() == Indicator.Kind.ENTERED) {
				continue;
			}
			assertThat(all.get(i).numerator()).as(indicator.code()).isEqualByComparingTo(sum(indicator.numerator(), yearStart, today, null));
			assertThat(province.get(i).numerator()).as(indicator.code())
				.isEqualByComparingTo(sum(indicator.numerator(), yearStart, today, communeCodes));
			if (indicator.kind() == Indicator.Kind.RATIO) {
				assertThat(all.get(i).denominator()).as(indicator.code())
					.isEqualByComparingTo(sum(indicator.denominator(), yearStart, today, null));
				assertThat(province.get(i).denominator()).as(indicator.code())
					.isEqualByComparingTo(sum(indicator.denominator(), yearStart, today, communeCodes));
			}
		}
		assertThat(all.stream().filter(v -> v.indicator().numerator().contains("feedback.received")).findFirst())
			.hasValueSatisfying(v -> assertThat(v.numerator().longValue()).isPositive());
	}

	private java.util.Set<String> withProvince(String province) {
		var scope = new java.util.HashSet<>(units.communesOf(province));
		scope.add(province);
		return scope;
	}

	private BigDecimal sum(List<String> metrics, LocalDate from, LocalDate to, List<String> unitCodes) {
		var sums = Tenancy.callAs(UnitScope.systemWide(), () -> facts.sums(unitCodes, metrics, from, to));
		return BigDecimal.valueOf(metrics.stream().mapToLong(m -> sums.getOrDefault(m, 0L)).sum());
	}

	@Test
	void concurrentEventsOnTheSameRollUpRowsNeitherDeadlockNorLoseAnUpdate() throws Exception {
		var day = LocalDate.of(2005, 5, 5); // a day no other test writes
		var ninhBinh = units.communesOf(DemoData.NINH_BINH).stream().sorted().toList().subList(10, 14);
		var other = provinceOf(DemoData.NGA_AN);
		var elsewhere = units.communesOf(other).stream().sorted().toList().subList(10, 12);
		var communes = new ArrayList<>(ninhBinh);
		communes.addAll(elsewhere);
		var metrics = List.of("documents.outgoing_released", "documents.outgoing_signed", "documents.incoming_registered");
		var expected = new HashMap<String, Long>();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(6);
		var done = new ArrayList<Future<?>>();
		for (int t = 0; t < 6; t++) {
			var unit = communes.get(t);
			for (int i = 0; i < 20; i++) {
				// Different metric sets per event, so rows are shared in different combinations.
				var deltas = new HashMap<String, Long>();
				deltas.put(metrics.get(i % 3), 1L + i % 2);
				if (i % 4 == 0) {
					deltas.put(metrics.get((i + 1) % 3), 1L);
				}
				deltas.forEach((m, v) -> expected.merge(unit + "|" + m, v, Long::sum));
				var event = new MetricEvent(UUID.randomUUID(), unit, day, deltas, Instant.now());
				done.add(pool.submit(() -> {
					start.await();
					return Tenancy.callAs(UnitScope.of(unit), () -> facts.apply(event));
				}));
			}
		}
		start.countDown();
		for (var f : done) {
			assertThat(f.get()).isEqualTo(Boolean.TRUE);
		}
		pool.shutdown();
		try {
			for (var metric : metrics) {
				long inNinhBinh = ninhBinh.stream().mapToLong(c -> expected.getOrDefault(c + "|" + metric, 0L)).sum();
				long inOther = elsewhere.stream().mapToLong(c -> expected.getOrDefault(c + "|" + metric, 0L)).sum();
				assertThat(counters(metric, day, day, communes)).as(metric).isEqualTo(inNinhBinh + inOther);
				assertThat(rollup(DemoData.NINH_BINH, metric, day, day)).as(metric).isEqualTo(inNinhBinh);
				assertThat(rollup(other, metric, day, day)).as(metric).isEqualTo(inOther);
				assertThat(rollup(Facts.NATION, metric, day, day)).as(metric).isEqualTo(inNinhBinh + inOther);
			}
		}
		finally {
			// These counters have no records behind them: the rebuild puts the day back to the recount (nothing).
			Tenancy.runAs(UnitScope.systemWide(), () -> facts.rebuild(day, day));
		}
		assertThat(rollup(Facts.NATION, metrics.getFirst(), day, day)).isZero();
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day))).isEmpty();
	}

	@Test
	void aRankingOverWholeAndPartialMonthsEqualsTheDailyCountersAndTheCheckHoldsTheMonthlySums() {
		// days no other test writes: the end of one month, a whole month, the start of the next
		var days = List.of(LocalDate.of(2004, 2, 27), LocalDate.of(2004, 2, 29), LocalDate.of(2004, 3, 1), LocalDate.of(2004, 3, 15),
				LocalDate.of(2004, 3, 31), LocalDate.of(2004, 4, 1), LocalDate.of(2004, 4, 2));
		var communes = units.communesOf(DemoData.NINH_BINH).stream().sorted().toList().subList(30, 33);
		var metric = "documents.outgoing_released";
		for (int i = 0; i < days.size(); i++) {
			for (int c = 0; c < communes.size(); c++) {
				var unit = communes.get(c);
				var event = new MetricEvent(UUID.randomUUID(), unit, days.get(i), Map.of(metric, 1L + i + 10L * c), Instant.now());
				assertThat(Tenancy.callAs(UnitScope.of(unit), () -> facts.apply(event))).isTrue();
			}
		}
		try {
			var periods = List.of(List.of(days.get(0), days.get(6)), List.of(days.get(2), days.get(4)), List.of(days.get(1), days.get(4)),
					List.of(days.get(3), days.get(5)), List.of(days.get(3), days.get(3)), List.of(LocalDate.of(2004, 1, 1), LocalDate.of(2004, 12, 31)));
			for (var period : periods) {
				var from = period.get(0);
				var to = period.get(1);
				var byUnit = Tenancy.callAs(UnitScope.systemWide(), () -> facts.sumsByUnit(communes, List.of(metric), from, to));
				for (var unit : communes) {
					assertThat(byUnit.getOrDefault(unit, Map.of()).getOrDefault(metric, 0L)).as(unit + " " + from + ".." + to)
						.isEqualTo(counters(metric, from, to, List.of(unit)))
						.isPositive();
				}
			}
			// No document is behind these counters: the check names the days, and the months they fall in.
			var differences = Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(days.get(0), days.get(6)));
			assertThat(differences).filteredOn(d -> communes.contains(d.unitCode()))
				.extracting(Facts.Difference::day)
				.containsOnly(days.get(0), days.get(1), days.get(2), days.get(3), days.get(4), days.get(5), days.get(6),
						LocalDate.of(2004, 2, 1), LocalDate.of(2004, 3, 1), LocalDate.of(2004, 4, 1));
		}
		finally {
			Tenancy.runAs(UnitScope.systemWide(), () -> facts.rebuild(days.get(0), days.get(6)));
		}
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(days.get(0), days.get(6)))).isEmpty();
		assertThat(Tenancy.callAs(UnitScope.systemWide(),
				() -> facts.sumsByUnit(communes, List.of(metric), LocalDate.of(2004, 1, 1), LocalDate.of(2004, 12, 31)))).isEmpty();
	}

	@Test
	void theMigrationBackFillsTheRollUpsFromCountersKeptBeforeThem() throws Exception {
		var day = LocalDate.of(2005, 6, 7); // a day no other test writes
		var a = units.communesOf(DemoData.NINH_BINH).stream().sorted().toList().get(20);
		var other = provinceOf(DemoData.NGA_AN);
		var b = units.communesOf(other).stream().sorted().toList().get(20);
		// Counters as an instance had them before the roll-ups existed: no roll-up rows behind them.
		system(() -> jdbc.sql("""
				insert into insight_fact (unit_code, day, metric, value) values
				  (?, ?, 'documents.outgoing_released', 7), (?, ?, 'documents.outgoing_signed', 5), (?, ?, 'documents.outgoing_released', 3)""")
			.params(a, day, a, day, b, day).update());
		try {
			assertThat(rollup(Facts.NATION, "documents.outgoing_released", day, day)).isZero();
			var script = new ClassPathResource("db/migration/insights/V202612110601__insight_rollup_backfill.sql")
				.getContentAsString(StandardCharsets.UTF_8);
			var statements = script.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + "\n" + y).split(";");
			system(() -> {
				for (var statement : statements) {
					if (!statement.isBlank()) {
						jdbc.sql(statement).query().listOfRows();
					}
				}
				return null;
			});
			assertThat(rollup(Facts.NATION, "documents.outgoing_released", day, day)).isEqualTo(10);
			assertThat(rollup(Facts.NATION, "documents.outgoing_signed", day, day)).isEqualTo(5);
			assertThat(rollup(DemoData.NINH_BINH, "documents.outgoing_released", day, day)).isEqualTo(7);
			assertThat(rollup(other, "documents.outgoing_released", day, day)).isEqualTo(3);
			var signed = indicators.find("DOC_OUT_SIGNED").orElseThrow();
			var nation = Tenancy.callAs(UnitScope.systemWide(), () -> indicators.value(signed, Indicators.NATION, day, day));
			assertThat(nation.numerator()).isEqualByComparingTo("5");
			assertThat(nation.denominator()).isEqualByComparingTo("10");
			// The check names the hand-made counters and their roll-ups (no document is behind them).
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day)))
				.extracting(Facts.Difference::unitCode)
				.containsExactlyInAnyOrder(a, a, b, DemoData.NINH_BINH, DemoData.NINH_BINH, other, Facts.NATION, Facts.NATION);
		}
		finally {
			Tenancy.runAs(UnitScope.systemWide(), () -> facts.rebuild(day, day));
		}
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day))).isEmpty();
		assertThat(rollup(Facts.NATION, "documents.outgoing_released", day, day)).isZero();
	}
}
