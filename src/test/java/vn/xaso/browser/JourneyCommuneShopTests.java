package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.payments.FakeBank;
import vn.xaso.payments.internal.WebhookSignatures;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 17, tried as a new buyer would on a 360-px phone, with and without JavaScript: from Xã Yên Mô's site to the
 * commune shop, the cooperative's OCOP product (the demo HTX Nông nghiệp Yên Hòa's dried plantain, 4 stars), an order
 * of 3 paid by VietQR into the cooperative's own account. The bank's notification is simulated in the aggregator's
 * real format (signed), as the bank would send it after the transfer; the stock and the order change once.
 */
@XasoIntegrationTest
class JourneyCommuneShopTests {

	static final String PRODUCT = "Chuối tây sấy dẻo Yên Hòa";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport plain = BrowserSupport.withoutJavaScript();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aBuyerOrdersThreeOfAnOcopProductAndPaysByVietQr() throws Exception {
		walk(browser, "commune-shop");
	}

	@Test
	void aBuyerOrdersThreeOfAnOcopProductAndPaysByVietQrWithoutJavaScript() throws Exception {
		walk(plain, "commune-shop-nojs");
	}

	private void walk(BrowserSupport phone, String name) throws Exception {
		int stockBefore = stock();
		var walk = Journey.start(phone, name, "/x/14701");
		walk.click("Chợ quê");
		assertThat(walk.text()).contains(PRODUCT).contains("OCOP 4 sao");
		walk.click(PRODUCT);
		assertThat(walk.text()).contains("45.000 đ").contains("HTX Nông nghiệp Yên Hòa");
		walk.fill("Số lượng", "3");
		walk.fill("Họ và tên người mua", "Trần Thị Bình");
		walk.fill("Số điện thoại", "0988000002");
		walk.tick("Tự đến lấy tại cơ sở");
		walk.tick("Chuyển khoản bằng mã VietQR");
		walk.click("Đặt hàng");
		assertThat(walk.text()).contains("Đã đặt hàng").contains("135.000 đ").contains("Agribank");
		assertThat(stock()).isEqualTo(stockBefore - 3);

		var values = phone.findAll(".pay-box dd").stream().map(e -> e.getText().strip()).toList();
		var account = values.get(1);
		var reference = values.get(4);
		var code = walk.path().substring(walk.path().lastIndexOf('/') + 1);
		var bank = new FakeBank(port, WebhookSignatures.DEMO_SECRET);
		var transfer = FakeBank.transfer(FakeBank.newTransactionId(), 135_000, reference + " mua chuoi say", account);
		assertThat(bank.send(transfer).body()).contains("\"outcome\":\"PAID\"");
		assertThat(bank.send(transfer).body()).contains("\"replay\":true"); // the aggregator retries: nothing changes twice
		waitUntilPaid(code);

		walk.click("Xem lại trạng thái đơn hàng");
		assertThat(walk.text()).contains("Đã thanh toán").doesNotContain("Chuyển khoản bằng VietQR");
		assertThat(stock()).isEqualTo(stockBefore - 3);
		assertThat(yenMo("select count(*) from economy_order where code = ? and status = 'PAID' and quantity = 3", code)).isEqualTo(1);
		walk.assertScreensAtMost(5);
	}

	private int stock() {
		return (int) yenMo("select stock from economy_product where name = ?", PRODUCT);
	}

	private long yenMo(String sql, String param) {
		return Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> jdbc.sql(sql).param(param).query(Long.class).single()));
	}

	private void waitUntilPaid(String code) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (yenMo("select count(*) from economy_order where code = ? and status = 'PAID'", code) == 0) {
			assertThat(System.nanoTime()).as("order paid within 20 s").isLessThan(until);
			Thread.sleep(50);
		}
	}
}
