package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.demo.PaymentsDemo;
import vn.xaso.payments.NewBill;
import vn.xaso.payments.Payments;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The payments pages with axe checks and screenshots: the officers' bills list, a bill with its
 * VietQR code and cash form, the transactions to check, and the admin's receiving-account page with
 * its error messages.
 */
@XasoIntegrationTest
class BrowserPaymentsTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Payments payments;

	@Test
	void officerListsBillsOpensOneAndTakesCash() {
		var bill = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> payments.open(new NewBill(DemoData.YEN_MO,
				"HS-BR-" + System.nanoTime(), "Lệ phí đăng ký khai sinh quá hạn", 50_000, "Lê Thị Hoa", null)));
		browser.signIn("yenmo.motcua", BrowserSignInTests.PASSWORD);
		browser.open("/payments");
		assertThat(browser.bodyText()).contains(bill.reference(), "50.000 đồng", "Chưa nộp");
		browser.check("payments-list");
		browser.open("/payments/bills/" + bill.id());
		assertThat(browser.bodyText()).contains("Mã VietQR để chuyển khoản", "Agribank", PaymentsDemo.ACCOUNT_NUMBER);
		browser.check("payments-bill-unpaid");
		browser.type("#f-amountVnd", "40000");
		browser.clickAndWait("form[action='/payments/bills/" + bill.id() + "/cash'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Số tiền mặt phải đúng số còn phải nộp: 50.000 đồng.");
		browser.check("payments-bill-cash-error");
		browser.type("#f-amountVnd", "50000");
		browser.clickAndWait("form[action='/payments/bills/" + bill.id() + "/cash'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã ghi nhận tiền mặt và lập biên lai.", "Đã nộp", "Tiền mặt");
		browser.check("payments-bill-paid");
		browser.open("/payments/unmatched");
		browser.check("payments-flagged");
	}

	@Test
	void adminSetsTheReceivingAccount() {
		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/admin/payments");
		browser.check("payments-account");
		browser.type("#f-accountNumber", "12");
		browser.clickAndWait("form[action='/admin/payments'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Số tài khoản chỉ gồm chữ số, dài từ 6 đến 19 số.");
		browser.check("payments-account-errors");
		browser.type("#f-accountNumber", PaymentsDemo.ACCOUNT_NUMBER);
		browser.clickAndWait("form[action='/admin/payments'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã lưu tài khoản nhận tiền.");
	}
}
