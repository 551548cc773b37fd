package vn.xaso.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.Citizens;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/** The officers' pages, the admin account page and the bills API through real HTTP. */
@XasoIntegrationTest
class PaymentsWebTests {

	@LocalServerPort
	int port;

	@Autowired
	Payments payments;

	@Autowired
	Citizens citizens;

	@Autowired
	DemoTextMessages outbox;

	private Bill bill(String payer, long amount, Long citizenId) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> payments.open(new NewBill(DemoData.YEN_MO,
				"HS-web-" + System.nanoTime(), "Lệ phí đăng ký kết hôn", amount, payer, citizenId)));
	}

	@Test
	void officerFindsABillRecordsCashAndDownloadsTheReceipt() {
		var bill = bill("Phạm Văn Cường 0988000003", 25_000, null);
		var motcua = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var list = motcua.get("/payments?q=" + bill.reference().toLowerCase() + "&status=UNPAID");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(bill.reference()).contains("25.000 đồng")
			// The phone inside the payer's name is masked.
			.doesNotContain("0988000003");
		assertThat(motcua.get("/payments?status=PAID&q=" + bill.reference()).body()).contains("(0 khoản)")
			.doesNotContain("/payments/bills/" + bill.id() + "\"");
		assertThat(motcua.get("/payments?status=NOPE").body()).contains("Trạng thái không hợp lệ.");

		var page = motcua.get("/payments/bills/" + bill.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("000201010212").contains("QRIBFTTA").contains("/payments/bills/" + bill.id() + "/vietqr.png");
		assertThat(motcua.get("/payments/bills/" + bill.id() + "/vietqr.png").headers().firstValue("Content-Type")).contains("image/png");

		var wrong = motcua.post("/payments/bills/" + bill.id() + "/cash", Map.of("amountVnd", "20000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Số tiền mặt phải đúng số còn phải nộp: 25.000 đồng.");
		assertThat(motcua.post("/payments/bills/" + bill.id() + "/cash", Map.of("amountVnd", "hai mươi")).body())
			.contains("Hãy nhập số tiền bằng chữ số");
		var ok = motcua.post("/payments/bills/" + bill.id() + "/cash", Map.of("amountVnd", "25.000"));
		assertThat(ok.statusCode()).isEqualTo(302);
		var after = motcua.get("/payments/bills/" + bill.id());
		assertThat(after.body()).contains("Đã ghi nhận tiền mặt và lập biên lai.").contains("receipt.pdf").doesNotContain("QRIBFTTA");
		var again = motcua.post("/payments/bills/" + bill.id() + "/cash", Map.of("amountVnd", "25000"));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("đã được nộp đủ");
		var pdf = motcua.get("/payments/bills/" + bill.id() + "/receipt.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF-");
	}

	@Test
	void anotherCommuneSeesNothingAndALeaderCannotTakeCash() {
		var bill = bill("Nguyễn Văn An", 12_000, null);
		var ngaan = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaan.get("/payments/bills/" + bill.id()).statusCode()).isEqualTo(404);
		assertThat(ngaan.get("/api/v1/payments/bills/" + bill.id()).statusCode()).isEqualTo(404);
		assertThat(ngaan.get("/payments?q=" + bill.reference()).body()).contains("(0 khoản)")
			.doesNotContain("/payments/bills/" + bill.id() + "\"");
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(leader.get("/payments/bills/" + bill.id()).statusCode()).isEqualTo(200);
		assertThat(leader.get("/payments/bills/" + bill.id()).body()).doesNotContain("/cash\"");
		assertThat(leader.post("/payments/bills/" + bill.id() + "/cash", Map.of("amountVnd", "12000")).statusCode()).isEqualTo(403);
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> payments.find(bill.id())).orElseThrow().status())
			.isEqualTo(Bill.Status.UNPAID);
	}

	@Test
	void aCitizenSeesOnlyTheirOwnBillsThroughTheApi() {
		long an = citizens.ensure("0988000001", "Nguyễn Văn An");
		long binh = citizens.ensure("0988000002", "Trần Thị Bình");
		var mine = bill("Nguyễn Văn An", 40_000, an);
		var theirs = bill("Trần Thị Bình", 40_000, binh);
		var citizen = new WebSession(port).signInCitizen("0988000001", outbox);
		var json = citizen.get("/api/v1/payments/bills/" + mine.id());
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"reference\":\"" + mine.reference() + "\"").contains("\"status\":\"UNPAID\"")
			.contains("\"amountInWords\":\"Bốn mươi nghìn đồng\"");
		var qr = citizen.get("/api/v1/payments/bills/" + mine.id() + "/vietqr");
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.body()).contains("\"payload\":\"000201010212").contains(mine.reference());
		assertThat(citizen.get("/api/v1/payments/bills/" + mine.id() + "/vietqr.png?size=200").statusCode()).isEqualTo(200);
		assertThat(citizen.get("/api/v1/payments/bills/" + mine.id() + "/vietqr.png?size=abc").statusCode()).isEqualTo(400);
		// Not theirs, or not existing: the same 403.
		assertThat(citizen.get("/api/v1/payments/bills/" + theirs.id()).statusCode()).isEqualTo(403);
		assertThat(citizen.get("/api/v1/payments/bills/" + theirs.id() + "/vietqr").statusCode()).isEqualTo(403);
		assertThat(citizen.get("/api/v1/payments/bills/999999999").statusCode()).isEqualTo(403);
		// Not paid yet: no receipt.
		var receipt = citizen.get("/api/v1/payments/bills/" + mine.id() + "/receipt.pdf");
		assertThat(receipt.statusCode()).isEqualTo(400);
		assertThat(receipt.body()).contains("chưa có biên lai");
		assertThat(new WebSession(port).get("/api/v1/payments/bills/" + mine.id()).statusCode()).isEqualTo(401);
	}

	@Test
	void adminSetsTheAccountWithValidation() {
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var page = admin.get("/admin/payments");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Agribank").contains("970405").contains("3300201012345");
		var bad = admin.post("/admin/payments", Map.of("bankBin", "999999", "accountNumber", "12", "accountName", ""));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Ngân hàng không có trong danh sách").contains("dài từ 6 đến 19 số")
			.contains("Hãy nhập tên chủ tài khoản.");
		var ok = admin.post("/admin/payments", Map.of("bankBin", "970405", "accountNumber", "3300201012345", "accountName", "ubnd xã yên mô"));
		assertThat(ok.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/payments").body()).contains("Đã lưu tài khoản nhận tiền.").contains("UBND XA YEN MO");
		var motcua = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		assertThat(motcua.get("/admin/payments").statusCode()).isEqualTo(403);
	}

	@Test
	void flaggedTransactionsAreListedAndResolvedWithANote() {
		var bank = new FakeBank(port, vn.xaso.payments.internal.WebhookSignatures.DEMO_SECRET);
		var id = FakeBank.newTransactionId();
		assertThat(bank.send(FakeBank.transfer(id, 77_000, "ung ho 0988000002 khong ma", vn.xaso.demo.PaymentsDemo.ACCOUNT_NUMBER))
			.body()).contains("UNMATCHED");
		var motcua = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var page = motcua.get("/payments/unmatched");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(id).contains("77.000 đồng").contains("Không khớp khoản thu nào").doesNotContain("0988000002");
		var txnId = java.util.regex.Pattern.compile("/payments/transactions/([0-9]+)/resolve\"[^>]*>(?:(?!</form>).)*?</form>",
				java.util.regex.Pattern.DOTALL).matcher(page.body());
		String target = null;
		var rows = page.body().split("<tr>");
		for (var row : rows) {
			if (row.contains(id)) {
				var m = java.util.regex.Pattern.compile("/payments/transactions/([0-9]+)/resolve").matcher(row);
				if (m.find()) {
					target = m.group(1);
				}
			}
		}
		assertThat(txnId).isNotNull();
		assertThat(target).isNotNull();
		var empty = motcua.post("/payments/transactions/" + target + "/resolve", Map.of("note", " "));
		assertThat(empty.body()).contains("Hãy ghi cách đã xử lý");
		var done = motcua.post("/payments/transactions/" + target + "/resolve", Map.of("note", "Đã hoàn trả cho người chuyển"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(motcua.get("/payments/unmatched").body()).doesNotContain(id);
		var ngaan = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaan.post("/payments/transactions/" + target + "/resolve", Map.of("note", "x")).statusCode()).isEqualTo(404);
	}
}
