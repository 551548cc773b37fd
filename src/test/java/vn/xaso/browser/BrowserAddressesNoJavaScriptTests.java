package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import vn.xaso.addresses.internal.PlusCodes;
import vn.xaso.demo.DemoData;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 16, without JavaScript and without a tile server: a community team member opens the address
 * book from the workspace, adds a household with typed coordinates, then moves its pin by typing a
 * plus code — following only visible links and buttons (5 screens after signing in).
 */
@XasoIntegrationTest
class BrowserAddressesNoJavaScriptTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Test
	void anOfficialPlacesAndMovesAPinWithoutJavaScript() {
		int screens = 0;
		browser.signIn("yenmo.congnghe", DemoData.PASSWORD);
		browser.clickAndWait(browser.driver().findElement(By.linkText("Địa chỉ số và bản đồ")));
		screens++;
		assertThat(browser.findAll("#addresses-map")).as("no map without a tile server").isEmpty();
		var label = "Hộ thử " + UUID.randomUUID().toString().substring(0, 6);
		new Select(browser.find("#f-kind")).selectByValue("HOUSEHOLD");
		new Select(browser.find("#f-villageCode")).selectByIndex(1);
		browser.type("#f-label", label);
		browser.type("#f-addressText", "Số 3, đường làng, gần giếng chung");
		browser.type("#f-lat", "20.124500");
		browser.type("#f-lon", "105.986500");
		browser.clickAndWait("form.addresses-new button[type=submit]");
		screens++;
		var placed = PlusCodes.encode(20.1245, 105.9865);
		assertThat(browser.bodyText()).contains("Đã lưu địa chỉ").contains(label).contains(placed);
		browser.screenshot("addresses-placed-nojs");

		var target = PlusCodes.encode(20.1301, 105.9888);
		browser.type("#f-lat", "");
		browser.type("#f-lon", "");
		browser.type("#f-plusCode", target);
		browser.clickAndWait("form.addresses-pin button[type=submit]");
		screens++;
		assertThat(browser.find("#plus-code").getText()).isEqualTo(target);
		assertThat(browser.bodyText()).doesNotContain(placed);

		browser.clickAndWait(browser.driver().findElement(By.linkText("Địa chỉ số")));
		screens++;
		browser.type("#f-q", label);
		browser.clickAndWait("form.addresses-filter button[type=submit]");
		screens++;
		assertThat(browser.bodyText()).contains(label).contains(target);
		assertThat(screens).as("screens from the workspace to the moved pin and found again in the list").isEqualTo(5);
		browser.screenshot("addresses-list-nojs");
	}
}
