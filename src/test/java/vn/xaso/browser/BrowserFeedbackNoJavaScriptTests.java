package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

import vn.xaso.testing.XasoIntegrationTest;

/** Without JavaScript (so no axe, which is a script; screenshots only) the report form offers the village list and the address: no map, no coordinates to type. */
@XasoIntegrationTest
class BrowserFeedbackNoJavaScriptTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Test
	void reportWithTheVillageWithoutTheMap() {
		browser.open("/x/14701/feedback/new");
		assertThat(browser.findAll("#feedback-map")).as("no map without a tile server").isEmpty();
		assertThat(browser.find("#f-lat").isDisplayed()).as("no latitude to type").isFalse();
		assertThat(browser.find("#feedback-locate").isDisplayed()).as("'use my location' needs JavaScript").isFalse();
		new Select(browser.find("#f-category")).selectByValue("DIEN-CS");
		browser.type("#f-description", "Đèn đường ở ngã ba thôn tắt từ tuần trước, buổi tối rất tối.");
		new Select(browser.find("#f-village")).selectByIndex(1);
		browser.type("#f-contactEmail", "khong-phai-ai@example.vn");
		browser.screenshot("feedback-new-nojs");
		browser.clickAndWait("form.feedback-form button[type=submit]");
		assertThat(browser.bodyText()).contains("Mã phản ánh của bạn là PA-14701-", "Điện chiếu sáng", "Thôn")
			.doesNotContain("khong-phai-ai");
		browser.screenshot("feedback-created-nojs");
	}
}
