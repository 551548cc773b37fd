package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.Json;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;
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

	/**
	 * The counting modules are not in this test: a stand-in source names every metric the declared
	 * indicators use (so the definitions load as in the whole application) and the test's own metric.
	 * The application's clock comes from the calendar module, which insights does not depend on.
	 */
	@TestConfiguration
	static class CountingModules {

		@Bean
		Clock clock() {
			return Clock.system(MetricEvent.VIETNAM);
		}

		@Bean
		MetricSource countingModules() throws IOException {
			var metrics = new TreeSet<String>(Set.of(METRIC));
			try (var in = new ClassPathResource("insights/indicators.json").getInputStream()) {
				for (var indicator : Json.MAPPER.readTree(in).path("indicators")) {
					indicator.path("numerator").forEach(m -> metrics.add(m.asString()));
					indicator.path("denominator").forEach(m -> metrics.add(m.asString()));
				}
			}
			return new MetricSource() {
				@Override
				public Set<String> metrics() {
					return metrics;
				}

				@Override
				public List<MetricCount> recount(LocalDate from, LocalDate to) {
					return List.of();
				}
			};
		}
	}

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
