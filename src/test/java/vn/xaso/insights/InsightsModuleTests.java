package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The insights module on its own (with units, identity, audit and the platform; no demo data, no
 * counting module): a metric event published in a transaction is applied after the commit to the
 * commune's counters and to the province's and the nation's roll-ups, and the same event applied
 * again counts nothing (exactly once).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "xaso.data-dir=target/test-data/${random.uuid}", "xaso.demo.load=false",
		"xaso.db.durable=false", "xaso.backup.schedule=-", "xaso.notify.jobs.enabled=false" })
class InsightsModuleTests {

	static final String METRIC = "module_test.counted";

	@Autowired Facts facts;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate tx;

	@Test
	void aMetricEventCountsOnceForTheCommuneItsProvinceAndTheNation(Scenario scenario) {
		var day = LocalDate.now(MetricEvent.VIETNAM);
		var event = new MetricEvent(UUID.randomUUID(), "14701", day, Map.of(METRIC, 3L), Instant.now());
		scenario.publish(event)
			.andWaitForStateChange(() -> counted("insight_fact", "14701", day), n -> n == 3)
			.andVerify(n -> {
				assertThat(counted("insight_rollup", "37", day)).isEqualTo(3);
				assertThat(counted("insight_rollup", Facts.NATION, day)).isEqualTo(3);
			});

		boolean again = Tenancy.callAs(UnitScope.of("14701"), () -> facts.apply(event));
		assertThat(again).as("the same event applied a second time").isFalse();
		assertThat(counted("insight_fact", "14701", day)).isEqualTo(3);
		assertThat(counted("insight_rollup", Facts.NATION, day)).isEqualTo(3);
	}

	private long counted(String table, String unit, LocalDate day) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc
			.sql("select coalesce(sum(value), 0) from " + table + " where unit_code = ? and day = ? and metric = ?")
			.params(unit, day, METRIC).query(Long.class).single()));
	}
}
