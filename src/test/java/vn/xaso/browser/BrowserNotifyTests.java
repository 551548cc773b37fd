package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.XasoIntegrationTest;

/** The citizen's "how I get news" page and the officials' delivery log in a real browser, with axe. */
@XasoIntegrationTest
class BrowserNotifyTests {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void citizenChoosesHowToGetNews() {
		var phone = "0355" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		browser.open("/citizen/signin");
		browser.type("#f-phone", phone);
		browser.clickAndWait("form[action='/citizen/otp'] button[type=submit]");
		var matcher = SIX_DIGITS.matcher(browser.find("#demo-sms").getText());
		assertThat(matcher.find()).isTrue();
		browser.type("#f-code", matcher.group(1));
		browser.clickAndWait("form[action='/citizen/verify'] button[type=submit]");
		assertThat(browser.path()).isEqualTo("/citizen");
		browser.clickAndWait("a[href='/citizen/notifications']");
		assertThat(browser.h1()).isEqualTo("Cách nhận tin");
		browser.check("notify-preferences");

		browser.type("#f-email", "khong dung");
		browser.clickAndWait(".notify-prefs button[type=submit]");
		assertThat(browser.find("#f-email-error").getText()).contains("không đúng");
		browser.check("notify-preferences-error");

		browser.type("#f-email", "ba.con@example.vn");
		browser.find("#f-sms").click();
		browser.type("#f-commune", "Yên Mô");
		browser.clickAndWait(".notify-prefs button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã lưu cách nhận tin", "Bạn đã đồng ý lúc");
		assertThat(browser.find("#f-sms").isSelected()).isTrue();
		browser.check("notify-preferences-saved");
	}

	@Test
	void adminReadsTheLogAndSendsATest() {
		browser.signIn("yenmo.admin", DemoData.PASSWORD);
		browser.open("/notify/log");
		assertThat(browser.h1()).isEqualTo("Nhật ký gửi tin");
		browser.type("#f-email", "vanphong@yenmo.example.vn");
		browser.clickAndWait("form[action='/notify/log/test'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã xếp tin thử vào hàng gửi", "v•••@yenmo.example.vn");
		browser.check("notify-log");
		var driver = browser.open("/notify/log?channel=EMAIL");
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.querySelector('table').scrollIntoView()");
		browser.screenshot("notify-log-table");
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
		try {
			browser.open("/notify/log");
			browser.check("notify-log-desktop");
		}
		finally {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
		}
	}
}
