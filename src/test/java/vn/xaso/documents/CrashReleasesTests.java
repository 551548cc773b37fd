package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.XasoApplication;
import vn.xaso.audit.AuditLog;
import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Issue 12, crash consistency of document releases: PostgreSQL is killed with SIGKILL while a clerk's
 * releases run from 4 threads (each release takes the register's next number, renders and seals the
 * PDF and writes the audit entry in one transaction). XaSo runs with the production default, a durable
 * database; its keeper starts PostgreSQL again. Afterwards: every acknowledged release is there with the
 * number it was given, the year's outgoing register is 1..N with no number repeated or skipped and the
 * counter at N, and Yên Mô's audit chain verifies intact. (Killing XaSo itself is covered for dossier
 * submissions by {@code CrashConsistencyTests}.)
 */
class CrashReleasesTests {

	@Test
	void acknowledgedReleasesSurviveKillingTheDatabase() throws Exception {
		int total = Integer.getInteger("xaso.crash.releases", 24);
		var dataDir = Path.of("target/test-data/crash-releases-" + UUID.randomUUID()).toAbsolutePath();
		try (var app = new SpringApplicationBuilder(XasoApplication.class).run("--server.port=0", "--xaso.data-dir=" + dataDir,
				"--xaso.demo.load=true", "--xaso.backup.schedule=-", "--xaso.documents.jobs.enabled=false",
				"--xaso.notify.jobs.enabled=false", "--xaso.db.connection-timeout=3s")) {
			var documents = app.getBean(Documents.class);
			var queue = new ConcurrentLinkedQueue<Long>();
			for (int i = 0; i < total; i++) {
				queue.add(DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER,
						DocumentFixtures.draft(i % 2 == 0 ? DocumentType.THONG_BAO : DocumentType.CONG_VAN, "Văn bản phát hành khi mất điện " + i)));
			}
			var acknowledged = new ConcurrentHashMap<Long, Integer>();
			var killed = new AtomicBoolean();
			long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
			try (var pool = Executors.newFixedThreadPool(4)) {
				var workers = new ArrayList<Future<?>>();
				for (int t = 0; t < 4; t++) {
					workers.add(pool.submit(() -> {
						Long id;
						while ((id = queue.poll()) != null && System.nanoTime() < deadline) {
							long documentId = id;
							try {
								var released = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> documents.release(DocumentFixtures.CLERK,
										documentId, DemoData.SIGNING_PASSWORD.toCharArray()));
								acknowledged.put(documentId, released.number());
							}
							catch (DocumentException refused) {
								// already released: its commit went through but the answer was lost — not acknowledged
							}
							catch (RuntimeException databaseAway) {
								queue.add(documentId); // not acknowledged: try again once the database is back
								Thread.sleep(300);
							}
							if (acknowledged.size() >= total / 3 && killed.compareAndSet(false, true)) {
								killPostgres(dataDir);
							}
						}
						return null;
					}));
				}
				for (var w : workers) {
					w.get(6, TimeUnit.MINUTES);
				}
			}
			assertThat(killed).as("PostgreSQL was killed during the releases").isTrue();
			assertThat(acknowledged.size()).as("releases went on after the restart").isGreaterThan(total / 3);
			check(app, acknowledged);
		}
	}

	private static void killPostgres(Path dataDir) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg17/postmaster.pid")).get(0).trim());
		new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
	}

	private static void check(ConfigurableApplicationContext app, Map<Long, Integer> acknowledged) {
		var jdbc = app.getBean(JdbcClient.class);
		var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		int year = LocalDate.now(Documents.VIETNAM).getYear();
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> tx.execute(s -> jdbc.sql("select 1").query(Integer.class).single())) == 1);
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> tx.executeWithoutResult(s -> {
			for (var ack : acknowledged.entrySet()) {
				var row = jdbc.sql("select status, number from document where id = ?").param(ack.getKey())
					.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).single();
				assertThat(row.getKey()).as("acknowledged release %d is released", ack.getKey()).isEqualTo(Document.RELEASED);
				assertThat(row.getValue()).as("with the number it was given").isEqualTo(ack.getValue());
			}
			var numbers = jdbc.sql("select number from document where unit_code = ? and direction = 'out' and register_year = ? "
					+ "and number is not null order by number").params(DemoData.YEN_MO, year).query(Integer.class).list();
			var last = jdbc.sql("select last_number from document_counter where unit_code = ? and register = 'di' and year = ?")
				.params(DemoData.YEN_MO, year).query(Integer.class).single();
			assertThat(Set.copyOf(numbers)).as("no number used twice").hasSize(numbers.size());
			assertThat(numbers).as("1..N, none skipped, counter = N").containsExactlyElementsOf(IntStream.rangeClosed(1, last).boxed().toList());
		}));
		var chain = Tenancy.callAs(UnitScope.systemWide(), () -> app.getBean(AuditLog.class).verify(DemoData.YEN_MO));
		assertThat(chain.intact()).as("audit chain of Yên Mô: %s", chain).isTrue();
	}
}
