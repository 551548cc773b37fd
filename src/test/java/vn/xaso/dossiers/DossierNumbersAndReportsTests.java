package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.payments.Payments;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Dossier numbers under failure and concurrency, the late path with its apology slip, fees through the
 * payments module, the tracking book (XLSX and CSV) and the dashboard counts.
 */
@XasoIntegrationTest
class DossierNumbersAndReportsTests {

	static final java.time.ZoneId VN = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Payments payments;

	static int number(String code) {
		return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
	}

	@Test
	void aRolledBackSubmissionLeavesNoGapAndNoDuplicate() {
		var before = counter(dossiers, jdbc, "0988000001", "Phạm Văn Một");
		var lost = new String[1];
		var tx = new TransactionTemplate(transactions);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> tx.executeWithoutResult(s -> {
			lost[0] = counter(dossiers, jdbc, "0988000001", "Phạm Văn Hai").code();
			s.setRollbackOnly(); // a crash after numbering, before commit
		}));
		assertThat(number(lost[0])).isEqualTo(number(before.code()) + 1);
		assertThat(dossiers.findByCode(ONE_STOP, lost[0])).as("the rolled-back dossier does not exist").isEmpty();
		var after = counter(dossiers, jdbc, "0988000001", "Phạm Văn Ba");
		// the number is given again: no gap that citizens could see, and no duplicate (code is unique)
		assertThat(after.code()).isEqualTo(lost[0]);
		assertThat(dossiers.findByCode(ONE_STOP, after.code())).isPresent();
	}

	@Test
	void theTenThousandthDossierOfADayGetsAFiveDigitNumberAndTheLastNumberIsRefusedPlainly() {
		var tx = new TransactionTemplate(transactions);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> tx.executeWithoutResult(s -> {
			var first = counter(dossiers, jdbc, "0988000001", "Phạm Vạn Một").code();
			var day = java.time.LocalDate.parse("20" + first.split("-")[1], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
			setDailyNumber(day, 9_999);
			var tenThousandth = counter(dossiers, jdbc, "0988000001", "Phạm Vạn Hai").code();
			assertThat(tenThousandth).endsWith("-" + first.split("-")[1] + "-10000");
			assertThat(dossiers.findByCode(ONE_STOP, tenThousandth)).isPresent();
			setDailyNumber(day, 99_999);
			assertThatThrownBy(() -> counter(dossiers, jdbc, "0988000001", "Phạm Vạn Ba")).isInstanceOf(DossierException.class)
				.hasMessageContaining("99999 hồ sơ");
			s.setRollbackOnly(); // the shared test database keeps its own numbers
		}));
	}

	private void setDailyNumber(java.time.LocalDate day, int last) {
		assertThat(jdbc.sql("update dossier_sequence set last_number = ? where unit_code = ? and day = ?").params(last, YEN_MO, day)
			.update()).isEqualTo(1);
	}

	@Test
	void concurrentSubmissionsGetDistinctConsecutiveNumbers() throws Exception {
		int n = 6;
		var pool = Executors.newFixedThreadPool(n);
		try {
			var tasks = new ArrayList<Callable<String>>();
			for (int i = 0; i < n; i++) {
				var name = "Phạm Song Song " + (char) ('A' + i);
				tasks.add(() -> counter(dossiers, jdbc, "0988000002", name).code());
			}
			var codes = new ArrayList<String>();
			for (Future<String> f : pool.invokeAll(tasks)) {
				codes.add(f.get());
			}
			assertThat(new HashSet<>(codes)).hasSize(n);
			var numbers = codes.stream().map(DossierNumbersAndReportsTests::number).sorted().toList();
			assertThat(numbers.getLast() - numbers.getFirst()).isEqualTo(n - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aLateDossierGetsTheApologySlipBeforeItsDateMoves() throws Exception {
		var receipt = marriage(dossiers, jdbc, "0988000001");
		var id = receipt.dossierId();
		var today = LocalDate.now(VN);
		// make it late: received long ago, due last week (the clock cannot be moved for one dossier)
		var tx = new TransactionTemplate(transactions);
		Tenancy.runAs(UnitScope.systemWide(), () -> tx.executeWithoutResult(s -> assertThat(jdbc.sql(
				"update dossier set due_date = ? where id = ?").params(today.minusDays(7), id).update()).isEqualTo(1)));
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		assertThat(d.timeliness()).isEqualTo(Timeliness.LATE);
		assertThat(dossiers.search(ONE_STOP, DossierSearch.queue(Queue.LATE, 1)).rows()).anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
		assertThat(dossiers.apologyPdf(ONE_STOP, id)).isEmpty();
		var version = d.version();
		assertThatThrownBy(() -> dossiers.act(ONE_STOP, id, new ActionRequest("reschedule", version, "", null, null, null, null,
				today.plusDays(10), List.of()))).isInstanceOf(DossierException.class).hasMessageContaining("lý do");
		var newDue = today.plusDays(10);
		while (newDue.getDayOfWeek().getValue() > 5) {
			newDue = newDue.plusDays(1);
		}
		var moved = dossiers.act(ONE_STOP, id, new ActionRequest("reschedule", version, "Chờ xác minh tình trạng hôn nhân ở nơi cư trú trước",
				null, null, null, null, newDue, List.of()));
		assertThat(moved.dueDate()).isEqualTo(newDue);
		assertThat(moved.state()).isEqualTo("received");
		assertThat(moved.events().getLast().action()).isEqualTo("reschedule");
		var slip = dossiers.apologyPdf(ONE_STOP, id).orElseThrow();
		assertThat(text(slip)).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ").contains(receipt.code());
		// the citizen can download it too
		assertThat(dossiers.apologyPdf(citizen(jdbc, "0988000001"), id)).isPresent();
	}

	@Test
	void aFeeOpensABillAndPaymentIsRecordedOnTheTimeline() throws Exception {
		var form = new LinkedHashMap<String, String>();
		form.put("documentName", "Bằng tốt nghiệp trung học phổ thông");
		form.put("pages", "3");
		form.put("copies", "2");
		var receipt = dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, COPY, Channel.COUNTER, null, applicant("0988000003"), form, null),
				List.of(new Upload("ban-chinh.pdf", pdf())));
		// Thông tư 226/2016: 2,000 đ for each of pages 1–2, 1,000 đ from page 3, per copy
		assertThat(receipt.feeVnd()).isEqualTo(10_000);
		assertThat(receipt.billId()).isNotNull();
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> payments.recordCash(receipt.billId(), "yenmo.motcua", 10_000));
		Dossier d = null;
		for (int i = 0; i < 100; i++) {
			d = dossiers.find(ONE_STOP, receipt.dossierId()).orElseThrow();
			if (d.paid()) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(d.paid()).isTrue();
		assertThat(d.paidOnline()).isFalse();
		assertThat(d.events()).anySatisfy(e -> assertThat(e.action()).isEqualTo("paid"));
	}

	@Test
	void trackingBookAsXlsxAndCsvAndTheDashboardCounts() throws Exception {
		var receipt = counter(dossiers, jdbc, "0988000003", "Phạm Sổ Sách");
		var today = LocalDate.now(VN);
		var xlsx = dossiers.trackingBookXlsx(ONE_STOP, today, today);
		try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			var rows = wb.getFirstSheet().read();
			assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(1)).isEqualTo("Mã hồ sơ"));
			assertThat(rows).anySatisfy(r -> {
				assertThat(r.getCellText(1)).isEqualTo(receipt.code());
				assertThat(r.getCellText(3)).isEqualTo("Trần Thị Hoa");
				assertThat(r.getCellText(6)).isEmpty(); // received, not yet handed to a specialist
			});
		}
		var csv = dossiers.trackingBookCsv(ONE_STOP, today, today);
		assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains(receipt.code()).contains("Tên thủ tục");
		assertThatThrownBy(() -> dossiers.trackingBookCsv(ONE_STOP, today, today.minusDays(1))).isInstanceOf(DossierException.class);

		var stats = Tenancy.callAs(UnitScope.of(YEN_MO), () -> dossiers.stats(YEN_MO, today, today));
		var tx = new TransactionTemplate(transactions);
		long digitised = Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql(
				"select count(*) from dossier where unit_code = '14701' and state <> 'draft' and digitised and submitted_at >= ?")
			.param(java.sql.Timestamp.from(today.atStartOfDay(VN).toInstant())).query(Long.class).single()));
		assertThat(digitised).isPositive();
		assertThat(stats.total()).isPositive();
		assertThat(stats.digitised()).isEqualTo(digitised);
		assertThat(Tenancy.callAs(UnitScope.of("16144"), () -> dossiers.stats(YEN_MO, today, today)).total())
			.as("another commune's scope sees none of Yên Mô's").isZero();
	}

	static String text(byte[] pdf) throws Exception {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
		}
	}
}
