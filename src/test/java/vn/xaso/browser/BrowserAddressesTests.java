package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.Holder;
import vn.xaso.addresses.HolderKind;
import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.ReceiptSlips;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 16: someone scans a door plate's QR on a 360-px phone and reads the public page — commune,
 * village and plus code, never the household's name or address text — and looks another code up
 * with the page's own box; axe finds no serious problem.
 */
@XasoIntegrationTest
class BrowserAddressesTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	Addresses addresses;

	@Autowired
	Villages villages;

	@Test
	void theDoorPlatesQrOpensThePublicPageOnAPhone() {
		var unit = DemoData.YEN_MO;
		var record = Tenancy.callAs(UnitScope.of(unit), () -> {
			var village = villages.list(unit).stream().filter(v -> v.active()).findFirst().orElseThrow();
			return addresses.record(new Holder(HolderKind.HOUSEHOLD, "browser-qr", unit, village.code()),
					new Addresses.Details("Hộ bà Nguyễn Thị Riêng", "Số 7, xóm Giữa", null, 20.1277, 105.9799, null), "test");
		});
		var pdf = Tenancy.callAs(UnitScope.of(unit), () -> addresses.doorPlate(unit, record.id(), "http://localhost:" + port));
		var qr = ReceiptSlips.qr(pdf);
		assertThat(qr).startsWith("http://localhost:" + port + "/place/");

		var window = browser.driver().manage().window();
		var before = window.getSize();
		window.setSize(new Dimension(360, 800));
		try {
			browser.driver().get(qr);
			assertThat(browser.bodyText()).contains(record.plusCode()).contains("Xã Yên Mô").contains(record.villageName())
				.doesNotContain("Riêng").doesNotContain("Số 7, xóm Giữa");
			long scrollWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth;");
			assertThat(scrollWidth).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
			browser.axe("public plus-code page");
			browser.screenshot("addresses-place-360");

			browser.type("#f-code", "nothing");
			browser.clickAndWait("main form[action='/place'] button[type=submit]");
			assertThat(browser.bodyText()).contains("Hãy gõ mã Plus Code đầy đủ 10 ký tự");
			browser.type("#f-code", record.plusCode());
			browser.clickAndWait("main form[action='/place'] button[type=submit]");
			assertThat(browser.bodyText()).contains("Xã Yên Mô").contains(record.villageName());
		}
		finally {
			window.setSize(before);
		}
	}
}
