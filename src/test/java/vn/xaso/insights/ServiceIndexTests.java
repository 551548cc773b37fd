package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/** The QĐ 766 index from dossier counters, hand-computed; and dossiers feeding those counters for real. */
@XasoIntegrationTest
class ServiceIndexTests {

	@Autowired
	ServiceIndex index;

	@Autowired
	Facts facts;

	@Autowired
	Units units;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void theIndexWeighsEachGroupsRatesByTheDecisionsPoints() {
		var commune = units.communesOf(DemoData.NINH_BINH).stream().sorted().toList().get(9);
		var day = LocalDate.of(2007, 5, 15);
		var event = new MetricEvent(UUID.randomUUID(), commune, day, Map.of("dossiers.submitted", 10L, "dossiers.submitted_online", 6L,
				"dossiers.digitised", 2L, "dossiers.resolved", 8L, "dossiers.resolved_on_time", 6L, "dossiers.result_electronic", 8L,
				"dossiers.paid", 4L, "dossiers.paid_online", 3L, "dossiers.rated", 5L, "dossiers.rated_satisfied", 4L), Instant.now());
		var feedback = new MetricEvent(UUID.randomUUID(), commune, day, Map.of("feedback.answered", 8L, "feedback.answered_on_time", 7L,
				"feedback.rated", 5L, "feedback.rated_satisfied", 4L), Instant.now());
		Tenancy.runAs(UnitScope.of(commune), () -> facts.apply(event));
		Tenancy.runAs(UnitScope.of(commune), () -> facts.apply(feedback));
		var score = Tenancy.callAs(UnitScope.systemWide(),
				() -> index.score(commune, LocalDate.of(2007, 1, 1), LocalDate.of(2007, 12, 31)));
		// G1 18 × 100 % = 18; G2 20 × 6/8 = 15; G3 11 × 8/10 + 11 × 8/8 = 19.8; G4 11 × 6/10 + 11 × 3/4 = 14.85;
		// G5 (feedback on time 6, feedback satisfied 6, dossier satisfied 6): 6 × 7/8 + 6 × 4/5 + 6 × 4/5 = 5.25 + 4.8 + 4.8 = 14.85;
		// total 18 + 15 + 19.8 + 14.85 + 14.85 = 82.50
		assertThat(score.groups()).extracting(g -> g.score().toPlainString())
			.containsExactly("18.00", "15.00", "19.80", "14.85", "14.85");
		assertThat(score.total()).isEqualByComparingTo("82.50");
		assertThat(score.complete()).isTrue();
		var page = new WebSession(port).get("/board/" + commune + "?from=2007-01-01&to=2007-12-31");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Tổng điểm: 82,5/100").contains("Tiến độ, kết quả giải quyết").contains("6 trên 8")
			.doesNotContainPattern("0[35789][0-9]{8}");
		assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
		// A commune with no dossiers in the period scores nothing and says so.
		var empty = Tenancy.callAs(UnitScope.systemWide(), () -> index.score(commune, LocalDate.of(2008, 1, 1), LocalDate.of(2008, 1, 31)));
		assertThat(empty.total()).isEqualByComparingTo("0");
		assertThat(empty.complete()).isFalse();
		assertThat(new WebSession(port).get("/board/" + DemoData.NINH_BINH).statusCode()).isEqualTo(404);
	}

	@Test
	void aDossierReceivedAtTheCounterIsCountedOnceAndMatchesTheRecount() {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var before = sum("dossiers.submitted", today);
		var digitisedBefore = sum("dossiers.digitised", today);
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> DossierFixtures.counter(dossiers, jdbc, "0988000001", "Phạm Chỉ Số"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(sum("dossiers.submitted", today)).isEqualTo(before + 1);
			assertThat(sum("dossiers.digitised", today)).isEqualTo(digitisedBefore + 1);
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(today.minusDays(7), today))).isEmpty());
	}

	private long sum(String metric, LocalDate day) {
		return Tenancy.callAs(UnitScope.systemWide(),
				() -> facts.sums(java.util.List.of(DemoData.YEN_MO), java.util.List.of(metric), day, day)).getOrDefault(metric, 0L);
	}
}
