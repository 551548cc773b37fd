package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.ADMIN;
import static vn.xaso.dossiers.DossierFixtures.COPY;
import static vn.xaso.dossiers.DossierFixtures.ONE_STOP;
import static vn.xaso.dossiers.DossierFixtures.YEN_MO;
import static vn.xaso.dossiers.DossierFixtures.applicant;
import static vn.xaso.dossiers.DossierFixtures.counter;
import static vn.xaso.dossiers.DossierFixtures.pdf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.internal.TestDossierRemoval;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * "Xoá hồ sơ thử": the administrator removes the dossiers marked as tests while trying XaSo; a dossier not marked
 * is never listed nor removed, and marked ones with a fee bill, a result or from long ago stay; every removal is audited; a double submit removes
 * nothing more; only the administrator.
 */
@XasoIntegrationTest
class TestDossierRemovalTests {

	@Autowired TestDossierRemoval removal;
	@Autowired TestDossiers tests;
	@Autowired Dossiers dossiers;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;
	@LocalServerPort int port;

	@Test
	void aTestDossierIsRemovedAuditedAndARealOneStays() {
		var test = counter(dossiers, jdbc, "0988000001", "Phạm Văn Thử");
		mark(test.dossierId());
		var form = new LinkedHashMap<String, String>();
		form.put("documentName", "Bằng tốt nghiệp");
		form.put("pages", "1");
		form.put("copies", "1");
		var billed = dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, COPY, Channel.COUNTER, null, applicant("0988000003"), form, null),
				List.of(new Upload("ban-chinh.pdf", pdf())));
		assertThat(billed.billId()).isNotNull();
		mark(billed.dossierId()); // marked as a test but billed: it may be real work by now, so it stays

		var candidates = removal.candidates(ADMIN).stream().map(TestDossierRemoval.Candidate::id).toList();
		assertThat(candidates).contains(test.dossierId()).doesNotContain(billed.dossierId());

		// Bad input: a Vietnamese message, nothing removed.
		assertThatThrownBy(() -> removal.remove(ADMIN, List.of(test.dossierId()), "", true)).isInstanceOf(DossierException.class)
			.hasMessageContaining("lý do");
		assertThatThrownBy(() -> removal.remove(ADMIN, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", false))
			.isInstanceOf(DossierException.class).hasMessageContaining("xác nhận");
		assertThatThrownBy(() -> removal.remove(ONE_STOP, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", true))
			.isInstanceOf(DossierException.class).hasMessageContaining("Chỉ quản trị viên");
		// A real dossier among the chosen ones: none is removed.
		assertThatThrownBy(() -> removal.remove(ADMIN, List.of(test.dossierId(), billed.dossierId()), "hồ sơ thử khi cài đặt", true))
			.isInstanceOf(DossierException.class).hasMessageContaining("Không hồ sơ nào bị xoá");
		assertThat(exists(test.dossierId())).isTrue();

		assertThat(removal.remove(ADMIN, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", true)).isEqualTo(1);
		assertThat(exists(test.dossierId())).isFalse();
		assertThat(exists(billed.dossierId())).isTrue();
		assertThat(dossiers.find(ONE_STOP, test.dossierId())).isEmpty();
		// The double submit: nothing more.
		assertThat(removal.remove(ADMIN, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", true)).isZero();
		var audited = inYenMo(() -> jdbc.sql("""
				select count(*) from audit_entry where action = 'dossiers.test-removed' and object_id = ? and actor = 'yenmo.admin'""")
			.param(test.code()).query(Integer.class).single());
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void anOldDossierIsNotATestDossier() {
		var old = counter(dossiers, jdbc, "0988000001", "Phạm Văn Cũ");
		mark(old.dossierId());
		var submitted = inYenMo(() -> jdbc.sql("select submitted_at from dossier where id = ?").param(old.dossierId())
			.query(java.sql.Timestamp.class).single());
		inYenMo(() -> jdbc.sql("update dossier set submitted_at = now() - interval '40 days' where id = ?").param(old.dossierId()).update());
		try {
			assertThat(removal.candidates(ADMIN)).noneMatch(c -> c.id() == old.dossierId());
			assertThatThrownBy(() -> removal.remove(ADMIN, List.of(old.dossierId()), "hồ sơ thử khi cài đặt", true))
				.isInstanceOf(DossierException.class);
			assertThat(exists(old.dossierId())).isTrue();
		}
		finally {
			// Back to its real day: the dashboards' recount tests share this database.
			inYenMo(() -> jdbc.sql("update dossier set submitted_at = ? where id = ?").params(submitted, old.dossierId()).update());
		}
	}

	/**
	 * A dossier marked as a test (the try-it guide) leaves the statistics, the indicators' counters and the tracking
	 * book at once, comes first among the removable ones, and keeps its number: the next dossier takes the next one,
	 * and after the removal the number is not given again (the audit entry names it).
	 */
	@Test
	void aMarkedTestDossierCountsNowhereKeepsItsNumberAndComesFirst() {
		var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		var before = inYenMo(() -> dossiers.stats(YEN_MO, today, today));
		var test = counter(dossiers, jdbc, "0988000001", "Phạm Văn Đánh Dấu");
		assertThat(inYenMo(() -> dossiers.stats(YEN_MO, today, today)).total()).isEqualTo(before.total() + 1);
		assertThat(metricRows(test.dossierId())).isPositive();

		inYenMo(() -> {
			tests.markTest(YEN_MO, test.dossierId());
			tests.markTest(YEN_MO, test.dossierId()); // twice: nothing more
			return null;
		});
		assertThat(inYenMo(() -> dossiers.stats(YEN_MO, today, today)).total()).isEqualTo(before.total());
		assertThat(metricRows(test.dossierId())).isZero();
		var book = new String(dossiers.trackingBookCsv(ONE_STOP, today, today), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(book).doesNotContain(test.code());
		var candidates = removal.candidates(ADMIN);
		assertThat(candidates).extracting(TestDossierRemoval.Candidate::id).contains(test.dossierId());
		assertThat(candidates).allSatisfy(c -> assertThat(isTest(c.id())).isTrue());

		var next = counter(dossiers, jdbc, "0988000002", "Phạm Văn Sau");
		assertThat(number(next.code())).isEqualTo(number(test.code()) + 1);
		assertThat(book(today)).contains(next.code());
		assertThat(removal.remove(ADMIN, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", true)).isEqualTo(1);
		var after = counter(dossiers, jdbc, "0988000003", "Phạm Văn Sau Nữa");
		assertThat(number(after.code())).isEqualTo(number(next.code()) + 1);
		assertThat(inYenMo(() -> dossiers.stats(YEN_MO, today, today)).total()).isEqualTo(before.total() + 2);
	}

	/**
	 * Only dossiers flagged as tests are ever offered or removed: a real dossier submitted the same day, unbilled and
	 * without a result, is neither listed nor removed — not by the use case, not by a form posting its id — and a
	 * list mixing it with a test dossier removes nothing.
	 */
	@Test
	void aRealDossierIsNeverListedNorRemoved() {
		var real = counter(dossiers, jdbc, "0988000002", "Phạm Văn Thật");
		var test = counter(dossiers, jdbc, "0988000003", "Phạm Văn Thử Nữa");
		mark(test.dossierId());
		assertThat(isTest(real.dossierId())).isFalse();

		var listed = removal.candidates(ADMIN).stream().map(TestDossierRemoval.Candidate::id).toList();
		assertThat(listed).contains(test.dossierId()).doesNotContain(real.dossierId());
		assertThatThrownBy(() -> removal.remove(ADMIN, List.of(real.dossierId()), "hồ sơ thử khi cài đặt", true))
			.isInstanceOf(DossierException.class).hasMessageContaining("không phải hồ sơ thử");
		assertThatThrownBy(() -> removal.remove(ADMIN, List.of(test.dossierId(), real.dossierId()), "hồ sơ thử khi cài đặt", true))
			.isInstanceOf(DossierException.class).hasMessageContaining("Không hồ sơ nào bị xoá");
		assertThat(exists(real.dossierId())).isTrue();
		assertThat(exists(test.dossierId())).isTrue();

		// The page: the real dossier is not on it, and posting its id by hand removes nothing.
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var page = admin.get("/dossiers/settings/test-dossiers");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(test.code()).doesNotContain(real.code());
		var posted = admin.post("/dossiers/settings/test-dossiers",
				Map.of("id", Long.toString(real.dossierId()), "reason", "hồ sơ thử khi cài đặt", "confirm", "yes"));
		assertThat(posted.statusCode()).isEqualTo(400);
		assertThat(posted.body()).contains("Không hồ sơ nào bị xoá");
		assertThat(exists(real.dossierId())).isTrue();

		assertThat(removal.remove(ADMIN, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", true)).isEqualTo(1);
		assertThat(exists(real.dossierId())).isTrue();
		assertThat(removal.candidates(ADMIN)).noneMatch(c -> c.id() == real.dossierId());
	}

	private void mark(long dossierId) {
		inYenMo(() -> {
			tests.markTest(YEN_MO, dossierId);
			return null;
		});
	}

	private boolean isTest(long id) {
		return inYenMo(() -> jdbc.sql("select test from dossier where id = ?").param(id).query(Boolean.class).single());
	}

	private String book(java.time.LocalDate day) {
		return new String(dossiers.trackingBookCsv(ONE_STOP, day, day), java.nio.charset.StandardCharsets.UTF_8);
	}

	private static int number(String code) {
		return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
	}

	private long metricRows(long dossierId) {
		return inYenMo(() -> jdbc.sql("select count(*) from dossier_metric where dossier_id = ?").param(dossierId).query(Long.class).single());
	}

	private boolean exists(long id) {
		return inYenMo(() -> jdbc.sql("select count(*) from dossier where id = ?").param(id).query(Integer.class).single()) == 1;
	}

	private <T> T inYenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).execute(s -> work.get()));
	}
}
