package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Receipt;
import vn.xaso.dossiers.ReceiptSlips;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 11: a villager scans the QR code on the receipt slip with their phone (360 px, with and without
 * JavaScript). The walk starts at the address the printed QR code holds — decoded from the slip itself — and
 * ends on the dossier's status: the code is already filled in, the person types the last 4 digits of their
 * phone.
 */
@XasoIntegrationTest
class JourneyTrackFromReceiptTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport plain = BrowserSupport.withoutJavaScript();

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoTextMessages outbox;

	@Test
	void scanningTheReceiptsQrShowsTheDossiersStatus() {
		walk(browser, "track-from-receipt");
	}

	@Test
	void scanningTheReceiptsQrShowsTheDossiersStatusWithoutJavaScript() {
		walk(plain, "track-from-receipt-nojs");
	}

	private void walk(BrowserSupport phoneBrowser, String name) {
		var phone = "0972" + String.format("%06d", System.nanoTime() % 1_000_000);
		new WebSession(port).signInCitizen(phone, outbox);
		Receipt receipt = DossierFixtures.counter(dossiers, jdbc, phone, "Đỗ Gia Huy");
		var slip = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD)
			.getBytes("/dossiers/" + receipt.dossierId() + "/receipt.pdf").body();
		var scanned = URI.create(ReceiptSlips.qr(slip));
		assertThat(scanned.getPort()).as("the QR leads to this server").isEqualTo(port);

		var walk = Journey.start(phoneBrowser, name, scanned.getRawPath() + "?" + scanned.getRawQuery());
		assertThat(walk.text()).contains("Tra cứu hồ sơ");
		walk.fill("4 số cuối điện thoại", phone.substring(phone.length() - 4));
		walk.click("Tra cứu");
		assertThat(walk.text()).contains(receipt.code(), "Thủ tục đăng ký khai sinh", "Ngày hẹn trả");
		walk.assertScreensAtMost(2);
	}
}
