package vn.xaso.platform.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xaso.XasoApplication;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.internal.MasterKey;
import vn.xaso.testing.WebSession;

/**
 * A province runs two replicas of XaSo against one PostgreSQL server. Both start at the same moment on an
 * empty database (the unit import and the catalogue seed must not race), share one signing master key
 * (sealed on one replica, opened on the other), a locked scheduled job runs once per period across both
 * instead of once per replica, and a person signed in on one replica continues on the other (the HTTP
 * session is in PostgreSQL), as behind a load balancer without sticky sessions.
 */
class TwoReplicasTests {

	static final AtomicInteger RUNS = new AtomicInteger();

	/** A job like the application's own: scheduled often, locked for a second per run. */
	@Component
	static class CountingJob {

		@Scheduled(fixedDelay = 100)
		@SchedulerLock(name = "test.counting", lockAtLeastFor = "1s", lockAtMostFor = "10s")
		void count() {
			RUNS.incrementAndGet();
		}
	}

	@Test
	void twoReplicasStartTogetherShareTheSigningKeyAndRunEachJobOnce() throws Exception {
		var serverDir = Path.of("target/replicas-pg-" + UUID.randomUUID());
		try (var server = EmbeddedPostgres.builder().setDataDirectory(serverDir).setCleanDataDirectory(true).start()) {
			var url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
			var first = CompletableFuture.supplyAsync(() -> replica(url));
			var second = CompletableFuture.supplyAsync(() -> replica(url));
			try (var a = first.get(); var b = second.get()) {
				var owner = JdbcClient.create(server.getPostgresDatabase());
				assertThat(owner.sql("select count(*) from admin_unit where level = 'commune'").query(Long.class).single())
					.isEqualTo(3321L);
				assertThat(owner.sql("select count(*) from (select code from catalog_procedure_version where unit_code is null "
						+ "group by code having count(*) > 1) twice").query(Long.class).single())
					.as("no national procedure published twice by the racing seeds").isZero();

				var sealed = a.getBean(MasterKey.class).seal("khoá ký số".getBytes(StandardCharsets.UTF_8), "14701");
				assertThat(new String(b.getBean(MasterKey.class).open(sealed, "14701"), StandardCharsets.UTF_8))
					.isEqualTo("khoá ký số");
				assertThat(owner.sql("select count(*) from signing_master_key").query(Long.class).single()).isEqualTo(1L);

				RUNS.set(0);
				Thread.sleep(3_500);
				// Unlocked, two replicas at 100 ms would run it about 70 times; locked for 1 s, about 4.
				assertThat(RUNS.get()).isBetween(2, 5);

				signInOnOneReplicaAndContinueOnTheOther(a, b);
			}
		}
	}

	static final String PASSWORD = "Replica-2026-secret";

	/**
	 * Signs in on A; on B opens a page that needs the sign-in, then posts a form with the CSRF token A
	 * rendered; A shows the message B left in the session; signing out on B ends the session on A too.
	 */
	static void signInOnOneReplicaAndContinueOnTheOther(ConfigurableApplicationContext a, ConfigurableApplicationContext b)
			throws InterruptedException {
		Tenancy.runAs(UnitScope.of("14701"), () -> a.getBean(Accounts.class).create("14701", new Accounts.NewOfficial(
				"replica.admin", "Nguyễn Văn Hai", null, null, null, Set.of(Role.ADMIN), null, PASSWORD)));
		// The first-run setup, finished (as if by the wizard on A): both replicas open within seconds.
		a.getBean(JdbcClient.class).sql("update setup_state set unit_code = '14701', admin_username = 'replica.admin', "
				+ "completed_at = now() where id = 1").update();
		for (var replica : new ConfigurableApplicationContext[] { a, b }) {
			CalendarCacheAcrossReplicasTests.waitFor(() -> new WebSession(port(replica)).get("/signin").statusCode() == 200,
					"the setup gate opens on every replica");
		}
		var onA = new WebSession(port(a)).signInOfficial("replica.admin", PASSWORD);
		var onB = onA.onPort(port(b));

		var changed = onB.post("/account/password", Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD + "-2"));
		assertThat(changed.statusCode()).as("a form post on B with A's CSRF token").isEqualTo(302);
		assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(onA.get("/account").body()).as("B's message, read from the shared session on A").contains("Đã đổi mật khẩu.");
		var page = onB.get("/workspace");
		assertThat(page.statusCode()).as("a page that needs the sign-in, on B").isEqualTo(200);
		assertThat(page.body()).contains("Nguyễn Văn Hai");

		assertThat(onB.post("/signout", Map.of()).statusCode()).isEqualTo(302);
		assertThat(onA.get("/workspace").headers().firstValue("Location")).as("signed out on B, so on A too")
			.hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
	}

	static int port(ConfigurableApplicationContext replica) {
		return ((WebServerApplicationContext) replica).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext replica(String url) {
		var dataDir = Path.of("target/replica-app-" + UUID.randomUUID());
		return new SpringApplicationBuilder(XasoApplication.class, CountingJob.class).run("--server.port=0",
				"--xaso.db.url=" + url, "--xaso.db.owner-user=postgres", "--xaso.db.app-password=app-secret-123",
				"--xaso.data-dir=" + dataDir, "--xaso.demo.load=false",
				"--xaso.signing.key-wrapping-secret=province-shared-secret-2026", "--xaso.db.pool-size=4");
	}
}
