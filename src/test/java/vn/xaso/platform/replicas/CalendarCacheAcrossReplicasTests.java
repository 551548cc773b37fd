package vn.xaso.platform.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.xaso.XasoApplication;
import vn.xaso.calendar.CalendarAdjustment;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.platform.cluster.ReplicaSignals;

/**
 * Each replica caches the working-day calendar by year. An announced day off recorded on replica A must
 * reach replica B's deadlines within moments (PostgreSQL NOTIFY through {@link ReplicaSignals}), and so
 * must its withdrawal; without the signal B would keep the year it computed before.
 */
class CalendarCacheAcrossReplicasTests {

	static final LocalDate WEDNESDAY = LocalDate.of(2031, 3, 12);

	@Test
	void anAdjustmentOnOneReplicaReachesTheOthersCache() throws Exception {
		var serverDir = Path.of("target/replicas-pg-" + UUID.randomUUID());
		try (var server = EmbeddedPostgres.builder().setDataDirectory(serverDir).setCleanDataDirectory(true).start()) {
			var url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
			var first = CompletableFuture.supplyAsync(() -> replica(url));
			var second = CompletableFuture.supplyAsync(() -> replica(url));
			try (var a = first.get(); var b = second.get()) {
				var onA = a.getBean(WorkingCalendar.class);
				var onB = b.getBean(WorkingCalendar.class);
				waitFor(() -> a.getBean(ReplicaSignals.class).listening() && b.getBean(ReplicaSignals.class).listening(), "listening");

				assertThat(onB.isWorkingDay(WEDNESDAY)).as("an ordinary Wednesday, now cached on B").isTrue();
				var deadlineBefore = onB.addWorkingDays(WEDNESDAY.minusDays(1), 1);
				assertThat(deadlineBefore).isEqualTo(WEDNESDAY);

				onA.addAdjustment(new CalendarAdjustment(WEDNESDAY, CalendarAdjustment.Kind.DAY_OFF,
						"Thông báo thử số 1/TB-TEST"), "test");
				waitFor(() -> !onB.isWorkingDay(WEDNESDAY), "B sees the day off recorded on A");
				assertThat(onB.addWorkingDays(WEDNESDAY.minusDays(1), 1)).isEqualTo(WEDNESDAY.plusDays(1));

				assertThat(onA.withdrawAdjustment(WEDNESDAY, "test")).isTrue();
				waitFor(() -> onB.isWorkingDay(WEDNESDAY), "B sees the withdrawal made on A");
			}
		}
	}

	static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		long until = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Not within 10 s: " + what);
			}
			Thread.sleep(50);
		}
	}

	private static ConfigurableApplicationContext replica(String url) {
		var dataDir = Path.of("target/replica-app-" + UUID.randomUUID());
		return new SpringApplicationBuilder(XasoApplication.class).run("--server.port=0", "--xaso.db.url=" + url,
				"--xaso.db.owner-user=postgres", "--xaso.db.app-password=app-secret-123", "--xaso.data-dir=" + dataDir,
				"--xaso.demo.load=false", "--xaso.signing.key-wrapping-secret=province-shared-secret-2026",
				"--xaso.db.pool-size=4");
	}
}
