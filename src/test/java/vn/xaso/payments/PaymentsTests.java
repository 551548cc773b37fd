package vn.xaso.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.xaso.audit.AuditLog;
import vn.xaso.demo.DemoData;
import vn.xaso.demo.PaymentsDemo;
import vn.xaso.payments.internal.Emv;
import vn.xaso.payments.internal.VietQr;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** The Payments service against the real database: bills, validation, cash, QR and receipts. */
@XasoIntegrationTest
class PaymentsTests {

	@Autowired
	Payments payments;

	@Autowired
	PaymentsDemo demo;

	@Autowired
	AuditLog audit;

	private <T> T asYenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	private NewBill newBill(String ref, long amount) {
		return new NewBill(DemoData.YEN_MO, ref, "Lệ phí chứng thực chữ ký", amount, "Trần Thị Bình", null);
	}

	@Test
	void openIsIdempotentOnUnitAndExternalRef() {
		var ref = "HS-" + System.nanoTime();
		var first = asYenMo(() -> payments.open(newBill(ref, 15_000)));
		var second = asYenMo(() -> payments.open(newBill(ref, 99_000)));
		assertThat(second).isEqualTo(first);
		assertThat(first.status()).isEqualTo(Bill.Status.UNPAID);
		assertThat(first.reference()).matches("XS[0-9A-Z]{9}");
		assertThat(asYenMo(() -> payments.forExternalRef(DemoData.YEN_MO, ref))).contains(first);
		assertThat(asYenMo(() -> payments.find(first.id()))).contains(first);
		// Another commune's scope does not see it.
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.NGA_AN), () -> payments.find(first.id()))).isEmpty();
	}

	@Test
	void badBillsAreRefusedWithVietnameseMessagesPerField() {
		assertThatThrownBy(() -> asYenMo(() -> payments.open(new NewBill(DemoData.YEN_MO, " ", "", 0, "", -1L))))
			.isInstanceOfSatisfying(PaymentException.class, e -> assertThat(e.errors())
				.containsEntry("externalRef", "Mã tham chiếu của khoản thu phải có từ 1 đến 100 ký tự.")
				.containsEntry("purpose", "Hãy ghi nội dung khoản thu.")
				.containsEntry("amountVnd", "Số tiền phải lớn hơn 0 đồng.")
				.containsEntry("payerName", "Hãy ghi tên người nộp.")
				.containsKey("citizenId"));
		assertThatThrownBy(() -> asYenMo(() -> payments.open(newBill("HS-big-" + System.nanoTime(), 500_000_001))))
			.isInstanceOfSatisfying(PaymentException.class, e -> assertThat(e.errors())
				.containsEntry("amountVnd", "Số tiền tối đa cho một khoản thu là 500.000.000 đồng."));
		var max = asYenMo(() -> payments.open(newBill("HS-max-" + System.nanoTime(), 500_000_000)));
		assertThat(max.amountVnd()).isEqualTo(500_000_000);
		// Opening a bill for a commune outside the caller's scope is refused.
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.NGA_AN),
				() -> payments.open(newBill("HS-x-" + System.nanoTime(), 1000))))
			.isInstanceOf(PaymentException.class);
	}

	@Test
	void vietQrCarriesTheAccountTheDueAmountAndTheReference() throws Exception {
		var bill = asYenMo(() -> payments.open(newBill("HS-qr-" + System.nanoTime(), 35_000)));
		var payload = asYenMo(() -> payments.vietQrPayload(bill.id()));
		var decoded = VietQr.decode(payload);
		assertThat(decoded.bin()).isEqualTo(PaymentsDemo.BANK_BIN);
		assertThat(decoded.account()).isEqualTo(PaymentsDemo.ACCOUNT_NUMBER);
		assertThat(decoded.amount()).isEqualTo("35000");
		assertThat(decoded.purpose()).isEqualTo(bill.reference());
		assertThat(decoded.initiation()).isEqualTo("12");
		assertThat(Emv.crcValid(payload)).isTrue();
		// The PNG really is a QR code of that text.
		var png = asYenMo(() -> payments.vietQrPng(bill.id(), 300));
		var image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(300);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
		assertThat(text).isEqualTo(payload);
		assertThatThrownBy(() -> asYenMo(() -> payments.vietQrPng(bill.id(), 50))).isInstanceOf(PaymentException.class);
	}

	@Test
	void cashPaysOnceWithAReceiptAndRefusesASecondCharge() throws Exception {
		var bill = asYenMo(() -> payments.open(newBill("HS-cash-" + System.nanoTime(), 105_000)));
		assertThatThrownBy(() -> asYenMo(() -> payments.receiptPdf(bill.id()))).isInstanceOf(PaymentException.class);
		assertThatThrownBy(() -> asYenMo(() -> payments.recordCash(bill.id(), "yenmo.motcua", 100_000)))
			.isInstanceOfSatisfying(PaymentException.class, e -> assertThat(e.errors()).containsKey("amountVnd"));
		var paid = asYenMo(() -> payments.recordCash(bill.id(), "yenmo.motcua", 105_000));
		assertThat(paid.status()).isEqualTo(Bill.Status.PAID);
		assertThat(paid.method()).isEqualTo(Bill.Method.CASH);
		assertThat(paid.receiptNumber()).isNotNull();
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
		assertThatThrownBy(() -> asYenMo(() -> payments.recordCash(bill.id(), "yenmo.motcua", 105_000)))
			.isInstanceOfSatisfying(PaymentException.class, e -> assertThat(e.getMessage()).contains("đã được nộp đủ"));
		assertThat(asYenMo(() -> payments.find(bill.id()))).contains(paid);
		assertThat(BillPaidRecorder.countFor(bill.id())).isEqualTo(1);
		// A settled bill has no QR any more.
		assertThatThrownBy(() -> asYenMo(() -> payments.vietQrPayload(bill.id()))).isInstanceOf(PaymentException.class);

		var pdf = asYenMo(() -> payments.receiptPdf(bill.id()));
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf)) {
			var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("BIÊN LAI THU TIỀN").contains(paid.receiptNumber()).contains("Trần Thị Bình")
				.contains("Lệ phí chứng thực chữ ký").contains("105.000 đồng").contains("Một trăm linh năm nghìn đồng")
				.contains("Tiền mặt").contains("yenmo.motcua").contains("Xã Yên Mô".toUpperCase(java.util.Locale.forLanguageTag("vi")))
				.contains("(giờ Việt Nam)");
		}
	}

	@Test
	void receiptNumbersCountUpPerUnitAndYear() {
		var a = asYenMo(() -> payments.open(newBill("HS-r1-" + System.nanoTime(), 1000)));
		var b = asYenMo(() -> payments.open(newBill("HS-r2-" + System.nanoTime(), 1000)));
		var ra = asYenMo(() -> payments.recordCash(a.id(), "yenmo.motcua", 1000)).receiptNumber();
		var rb = asYenMo(() -> payments.recordCash(b.id(), "yenmo.motcua", 1000)).receiptNumber();
		assertThat(ra.substring(7)).isEqualTo(rb.substring(7));
		assertThat(Integer.parseInt(rb.substring(0, 6))).isEqualTo(Integer.parseInt(ra.substring(0, 6)) + 1);
	}

	@Test
	void receivingAccountIsValidatedAndAudited() {
		assertThatThrownBy(() -> asYenMo(() -> payments.setReceivingAccount(DemoData.YEN_MO, "123456", "12ab", "Ủy ban <script>", "yenmo.admin")))
			.isInstanceOfSatisfying(PaymentException.class, e -> assertThat(e.errors())
				.containsEntry("bankBin", "Ngân hàng không có trong danh sách ngân hàng hỗ trợ VietQR.")
				.containsEntry("accountNumber", "Số tài khoản chỉ gồm chữ số, dài từ 6 đến 19 số.")
				.containsKey("accountName"));
		assertThat(asYenMo(() -> payments.receivingAccount(DemoData.YEN_MO)).orElseThrow().accountNumber())
			.isEqualTo(PaymentsDemo.ACCOUNT_NUMBER);
		// Names are stored as banks show them; saving the demo values again keeps the demo intact.
		var saved = asYenMo(() -> payments.setReceivingAccount(DemoData.YEN_MO, PaymentsDemo.BANK_BIN, "3300 2010 12345",
				"Ủy ban nhân dân xã Yên Mô", "yenmo.admin"));
		assertThat(saved.accountName()).isEqualTo("UY BAN NHAN DAN XA YEN MO");
		assertThat(saved.accountNumber()).isEqualTo(PaymentsDemo.ACCOUNT_NUMBER);
		assertThat(saved.bankShortName()).isEqualTo("Agribank");
		var entries = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> audit.search(new AuditLog.AuditQuery(DemoData.YEN_MO,
				"payment.account.changed", null, null, null, 0, 5)));
		assertThat(entries.entries()).isNotEmpty();
		asYenMo(() -> payments.setReceivingAccount(DemoData.YEN_MO, PaymentsDemo.BANK_BIN, PaymentsDemo.ACCOUNT_NUMBER,
				PaymentsDemo.ACCOUNT_NAME, "yenmo.admin"));
		assertThat(demo.load()).isZero();
	}

}
