package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Citizens sign in with a phone number and a 6-digit code. The demo shows the "SMS" on the page.
 * A phone can ask for a code only once a minute, and code requests are limited per address per hour,
 * so this class asks for as few codes as it can.
 */
@XasoIntegrationTest
class BrowserCitizenTests {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void badPhoneNumberIsExplainedAndKept() {
		browser.open("/citizen/signin");
		browser.type("#f-phone", "12345");
		browser.clickAndWait("form[action='/citizen/otp'] button[type=submit]");
		assertThat(browser.h1()).isEqualTo("Người dân đăng nhập");
		assertThat(browser.find("#f-phone-error").getText()).contains("Số điện thoại không hợp lệ");
		assertThat(browser.find(".error-summary").getText()).contains("Số điện thoại không hợp lệ");
		assertThat(browser.find("#f-phone").getDomProperty("value")).isEqualTo("12345");
		browser.check("citizen-signin-bad-phone");
	}

	@Test
	void demoCitizenSignsInWithTheCodeFromTheDemoSms() {
		browser.open("/citizen/signin");
		browser.type("#f-phone", "0988 000 001");
		browser.clickAndWait("form[action='/citizen/otp'] button[type=submit]");
		assertThat(browser.path()).startsWith("/citizen/verify");
		assertThat(browser.find(".lead").getText()).as("the number is shown masked").contains("098****001");
		var sms = browser.find("#demo-sms").getText();
		var matcher = SIX_DIGITS.matcher(sms);
		assertThat(matcher.find()).as("a 6-digit code in the demo SMS: %s", sms).isTrue();
		var code = matcher.group(1);
		browser.check("citizen-verify");

		var wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
		browser.type("#f-code", wrong);
		browser.clickAndWait("form[action='/citizen/verify'] button[type=submit]");
		assertThat(browser.find("#f-code-error").isDisplayed()).isTrue();
		assertThat(browser.find(".error-summary").getText()).isNotBlank();
		assertThat(browser.findAll("#demo-sms")).as("the demo SMS is still shown after a wrong code").hasSize(1);
		browser.check("citizen-verify-wrong-code");

		browser.type("#f-code", code);
		browser.clickAndWait("form[action='/citizen/verify'] button[type=submit]");
		assertThat(browser.path()).isEqualTo("/citizen");
		assertThat(browser.h1()).isEqualTo("Xin chào, Nguyễn Văn An");
		browser.check("citizen-home");

		browser.signOut();
		browser.open("/citizen");
		assertThat(browser.path()).as("the citizen page needs signing in again").isNotEqualTo("/citizen");
	}
}
