package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The documents counters reach the indicators through events, match a direct SQL recount of the
 * document table, and a rebuild from source gives the same figures.
 */
@XasoIntegrationTest
class DocumentIndicatorsTests {

	@Autowired
	Documents documents;

	@Autowired
	Facts facts;

	@Autowired
	Indicators indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/** Raw SQL runs in a transaction, which is where the caller's units are set for row-level security. */
	private <T> T sql(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.systemWide(),
				() -> new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s -> work.get()));
	}

	@Test
	void aReleasedDocumentIsCountedOnceAndTheFiguresMatchADirectRecount() {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var yearStart = today.withDayOfYear(1);
		var released = indicators.find("DOC_OUT_RELEASED").orElseThrow();
		var before = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> indicators.value(released, DemoData.YEN_MO, yearStart, today));
		var leader = new Actor(DemoData.YEN_MO, "yenmo.chutich", "Chủ tịch", Set.of(Role.LEADER, Role.CLERK));
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> {
			long id = documents.draft(leader, new Documents.Draft(DocumentType.THONG_BAO, "Thông báo đo chỉ số", "Nội dung.",
					"Các thôn", "", "Nguyễn Văn An", "Chủ tịch", ""));
			documents.submit(leader, id);
			documents.approve(leader, id, DemoData.SIGNING_PASSWORD.toCharArray());
			documents.release(leader, id, DemoData.SIGNING_PASSWORD.toCharArray());
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var after = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> indicators.value(released, DemoData.YEN_MO, yearStart, today));
			assertThat(after.numerator()).isEqualByComparingTo(before.numerator().add(java.math.BigDecimal.ONE));
		});
		// Every counter of every unit equals the modules' recount (after in-flight events land).
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(yearStart, today))).isEmpty());
		// Every metric event's delivery was recorded as complete (nothing left for redelivery).
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sql(() -> jdbc.sql(
				"select count(*) from event_publication where completion_date is null and event_type like '%MetricEvent'")
			.query(Long.class).single())).isZero());
		assertThat(sql(() -> jdbc.sql("select count(*) from event_publication where completion_date is not null and event_type like '%MetricEvent'")
			.query(Long.class).single())).as("metric events are tracked by the publication registry").isPositive();
		// The dashboard figure equals a direct SQL count over the document table.
		var direct = sql(() -> jdbc.sql("""
				select count(*) filter (where pdf is not null), count(*) from document
				where unit_code = ? and direction = 'out' and status = 'released' and issued_on between ? and ?""")
			.params(DemoData.YEN_MO, yearStart, today).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single());
		var signed = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> indicators.value(indicators.find("DOC_OUT_SIGNED").orElseThrow(), DemoData.YEN_MO, yearStart, today));
		assertThat(signed.numerator().longValue()).isEqualTo(direct.get(0));
		assertThat(signed.denominator().longValue()).isEqualTo(direct.get(1));
	}

	@Test
	void aRebuildFromSourceRepairsATamperedCounterAndTheCheckNamesIt() {
		var today = LocalDate.now(MetricEvent.VIETNAM);
		var day = LocalDate.of(2002, 4, 5); // no document exists on that day
		sql(() -> jdbc.sql(
				"insert into insight_fact (unit_code, day, metric, value) values (?, ?, 'documents.outgoing_released', 5)")
			.params(DemoData.YEN_MO, day).update());
		var differences = Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day));
		assertThat(differences).singleElement().satisfies(d -> {
			assertThat(d.unitCode()).isEqualTo(DemoData.YEN_MO);
			assertThat(d.metric()).isEqualTo("documents.outgoing_released");
			assertThat(d.kept()).isEqualTo(5);
			assertThat(d.recounted()).isZero();
		});
		Tenancy.runAs(UnitScope.systemWide(), () -> facts.rebuild(day, day));
		assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day))).isEmpty();
		assertThat(today).isAfter(day);
	}
}
