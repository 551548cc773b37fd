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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.dossiers.internal.TestDossierRemoval;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * "Xoá hồ sơ thử": the administrator removes the dossiers made while trying XaSo; dossiers with a fee
 * bill, a result or from long ago are real and stay; every removal is audited; a double submit removes
 * nothing more; only the administrator.
 */
@XasoIntegrationTest
class TestDossierRemovalTests {

	@Autowired TestDossierRemoval removal;
	@Autowired TestDossiers tests;
	@Autowired Dossiers dossiers;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;

	@Test
	void aTestDossierIsRemovedAuditedAndARealOneStays() {
		var test = counter(dossiers, jdbc, "0988000001", "Phạm Văn Thử");
		var form = new LinkedHashMap<String, String>();
		form.put("documentName", "Bằng tốt nghiệp");
		form.put("pages", "1");
		form.put("copies", "1");
		var billed = dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, COPY, Channel.COUNTER, null, applicant("0988000003"), form, null),
				List.of(new Upload("ban-chinh.pdf", pdf())));
		assertThat(billed.billId()).isNotNull();

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
		assertThat(candidates.getFirst().test()).isTrue();
		assertThat(candidates).filteredOn(TestDossierRemoval.Candidate::test).extracting(TestDossierRemoval.Candidate::id)
			.contains(test.dossierId());

		var next = counter(dossiers, jdbc, "0988000002", "Phạm Văn Sau");
		assertThat(number(next.code())).isEqualTo(number(test.code()) + 1);
		assertThat(book(today)).contains(next.code());
		assertThat(removal.remove(ADMIN, List.of(test.dossierId()), "hồ sơ thử khi cài đặt", true)).isEqualTo(1);
		var after = counter(dossiers, jdbc, "0988000003", "Phạm Văn Sau Nữa");
		assertThat(number(after.code())).isEqualTo(number(next.code()) + 1);
		assertThat(inYenMo(() -> dossiers.stats(YEN_MO, today, today)).total()).isEqualTo(before.total() + 2);
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
