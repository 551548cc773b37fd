package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import vn.xaso.testing.XasoIntegrationTest;

/** Every page must work without JavaScript: a Chromium with scripts blocked signs in and uses the toolbar. */
@XasoIntegrationTest
class BrowserNoJavaScriptTests {

	@RegisterExtension
	static final BrowserSupport browser = BrowserSupport.withoutJavaScript();

	@Test
	void officialSignsInWithoutJavaScript() {
		browser.signIn("yenmo.chutich", BrowserSignInTests.PASSWORD);
		assertThat(browser.path()).isEqualTo("/workspace");
		assertThat(browser.h1()).isEqualTo("Chào Đinh Văn Hùng");
		browser.screenshot("nojs-workspace-yenmo.chutich");

		browser.signOut();
		browser.open("/workspace");
		assertThat(browser.path()).startsWith("/signin");
	}

	@Test
	void wrongPasswordAndLargeTextWorkWithoutJavaScript() {
		browser.signIn("khongco.taikhoan", "sai-mat-khau-456");
		assertThat(browser.find("#f-password-error").getText()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
		assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
			.as("without scripts, app.js does not move focus (proves JavaScript is really off)")
			.doesNotContain("error-summary");

		browser.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Chữ to']")));
		assertThat(browser.find("html").getAttribute("class")).contains("text-large");
		browser.screenshot("nojs-signin-large-text");
	}
}
