package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Every dossiers page renders, passes axe at phone width and is screenshotted at 360 px and desktop width:
 * the public tracking page (with its generic answer for a wrong code), the citizen's start page for a birth
 * registration with its e-form, the officials' queues, counter intake, assisted submission, the tracking book
 * and the settings page.
 */
@XasoIntegrationTest
class BrowserDossierPagesTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	vn.xaso.platform.messaging.DemoTextMessages outbox;

	@Test
	void publicTrackingPageAnswersTheSameForAnyMismatch() {
		browser.open("/dossiers/track");
		assertThat(browser.h1()).isEqualTo("Tra cứu hồ sơ");
		BrowserDossierShots.both(browser, "track");
		browser.clickAndWait("main form button[type=submit]");
		assertThat(browser.find(".error-summary").getText()).contains("Nhập mã hồ sơ", "4 chữ số cuối");
		BrowserDossierShots.both(browser, "track-errors");
		browser.type("#f-code", "X14701-261123-9999");
		browser.type("#f-phone4", "1234");
		browser.clickAndWait("main form button[type=submit]");
		assertThat(browser.bodyText()).contains("Không tìm thấy hồ sơ khớp với mã và 4 số cuối điện thoại này");
		BrowserDossierShots.both(browser, "track-not-found");
	}

	@Test
	void officialsPages() throws Exception {
		browser.signIn("yenmo.motcua", BrowserSignInTests.PASSWORD);
		browser.open("/workspace");
		assertThat(browser.bodyText()).contains("Hồ sơ thủ tục hành chính", "Tiếp nhận hồ sơ tại quầy");
		browser.open("/dossiers");
		assertThat(browser.findAll(".tabs a")).hasSize(8);
		BrowserDossierShots.both(browser, "queue");
		browser.open("/dossiers/intake");
		BrowserDossierShots.both(browser, "intake-choose");
		browser.open("/dossiers/intake?procedure=1.001193");
		assertThat(browser.findAll("#f-ef_childName")).hasSize(1);
		assertThat(browser.find("#f-ef_requesterCccd").getAttribute("inputmode")).isEqualTo("numeric");
		assertThat(browser.find("#f-ef_childBirthDate").getAttribute("type")).isEqualTo("date");
		BrowserDossierShots.both(browser, "intake-birth");
		browser.clickAndWait("#receive-at-counter");
		assertThat(browser.find(".error-summary").getText()).isNotBlank();
		BrowserDossierShots.both(browser, "intake-errors");
		// Counter intake with a scan: received at once, receipt slip to print.
		browser.type("#f-ef_requesterName", "Hoàng Thị Nga");
		browser.type("#f-ef_requesterCccd", "037190001234");
		browser.type("#f-ef_requesterPhone", "0912345670");
		browser.type("#f-ef_requesterAddress", "Thôn Yên Hòa, xã Yên Mô");
		new org.openqa.selenium.support.ui.Select(browser.find("#f-ef_requesterRelation")).selectByVisibleText("Mẹ");
		browser.type("#f-ef_childName", "Hoàng Bảo Ngọc");
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-11-12'",
				browser.find("#f-ef_childBirthDate"));
		new org.openqa.selenium.support.ui.Select(browser.find("#f-ef_childSex")).selectByVisibleText("Nữ");
		browser.type("#f-ef_childBirthPlace", "Trạm y tế xã Yên Mô");
		browser.type("#f-ef_childEthnicity", "Kinh");
		browser.type("#f-ef_childNationality", "Việt Nam");
		browser.type("#f-ef_motherName", "Hoàng Thị Nga");
		if (!browser.find("#f-ef_pledge").isSelected()) {
			browser.find("#f-ef_pledge").click();
		}
		browser.find("#f-file").sendKeys(BrowserDossierJourneyTests.png("ban-quet-to-khai").toString() + "\n"
				+ BrowserDossierJourneyTests.png("ban-quet-giay-chung-sinh").toString());
		browser.clickAndWait("#receive-at-counter");
		assertThat(browser.path()).matches("/dossiers/[0-9]+\\?received");
		assertThat(browser.bodyText()).contains("Đã tiếp nhận hồ sơ", "bản quét tại quầy");
		assertThat(browser.findAll("a[href$='/receipt.pdf']")).hasSize(1);
		BrowserDossierShots.both(browser, "intake-received");
		browser.open("/dossiers/book");
		BrowserDossierShots.both(browser, "book");
		browser.signOut();

		browser.signIn("yenmo.congnghe", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers/assisted?procedure=1.001193");
		BrowserDossierShots.both(browser, "assisted");
		// Assisted submission with the citizen's consent (signed paper, scanned).
		var citizen = "0980" + String.format("%06d", System.nanoTime() % 1_000_000);
		new org.openqa.selenium.support.ui.Select(browser.find("#f-consentMethod")).selectByValue("SIGNED_PAPER");
		browser.type("#f-consentNote", "Bà ký giấy đồng ý tại nhà văn hoá thôn, con gái chứng kiến");
		browser.find("#f-consentScan").sendKeys(BrowserDossierJourneyTests.png("giay-dong-y").toString());
		browser.find("#f-consentGiven").click();
		browser.type("#f-ef_requesterName", "Đỗ Thị Mai");
		browser.type("#f-ef_requesterCccd", "037190001234");
		browser.type("#f-ef_requesterPhone", citizen);
		browser.type("#f-ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô");
		new org.openqa.selenium.support.ui.Select(browser.find("#f-ef_requesterRelation")).selectByVisibleText("Bà");
		browser.type("#f-ef_childName", "Đỗ Gia Huy");
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-11-15'",
				browser.find("#f-ef_childBirthDate"));
		new org.openqa.selenium.support.ui.Select(browser.find("#f-ef_childSex")).selectByVisibleText("Nam");
		browser.type("#f-ef_childBirthPlace", "Trạm y tế xã Yên Mô");
		browser.type("#f-ef_childEthnicity", "Kinh");
		browser.type("#f-ef_childNationality", "Việt Nam");
		browser.type("#f-ef_motherName", "Đỗ Thị Lan");
		browser.find("#f-ef_pledge").click();
		browser.find("#f-file").sendKeys(BrowserDossierJourneyTests.png("to-khai-da-ky").toString() + "\n"
				+ BrowserDossierJourneyTests.png("giay-chung-sinh").toString());
		browser.clickAndWait("#submit-assisted");
		assertThat(browser.path()).isEqualTo("/dossiers/assisted/done");
		var code = browser.find(".dossier-code").getText();
		BrowserDossierShots.both(browser, "assisted-done");
		browser.signOut();
		var own = new vn.xaso.testing.WebSession(port).signInCitizen(citizen, outbox);
		assertThat(own.get("/citizen/dossiers").body()).contains(code, "Thủ tục đăng ký khai sinh");

		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/dossiers/settings");
		BrowserDossierShots.both(browser, "settings");
	}
}
