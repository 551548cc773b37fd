package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Officials sign in through the real form. Sign-in is rate-limited per address and username and
 * accounts lock after five wrong passwords, so each demo account signs in once here and wrong
 * passwords are only ever tried on a username that does not exist.
 */
@XasoIntegrationTest
class BrowserSignInTests {

	static final String PASSWORD = "XaSo-2026-demo";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@ParameterizedTest(name = "{0} signs in and sees the workspace")
	@CsvSource({ "yenmo.admin, Phạm Thị Hương", "yenmo.chutich, Đinh Văn Hùng", "yenmo.motcua, Nguyễn Thị Lan",
			"yenmo.tuphap, Trần Văn Minh", "yenmo.vanthu, Vũ Thị Mai", "yenmo.congnghe, Lê Văn Tú",
			"yenmo.truongthon, Hoàng Văn Bình", "ninhbinh.tinh, Bùi Thị Thu", "ngaan.admin, Mai Văn Sơn" })
	void demoOfficialSignsInToTheWorkspace(String username, String fullName) {
		browser.signIn(username, PASSWORD);
		assertThat(browser.path()).isEqualTo("/workspace");
		assertThat(browser.h1()).isEqualTo("Chào " + fullName);
		assertThat(browser.find("header nav").getText()).contains(fullName);
		browser.check("workspace-" + username);

		browser.signOut();
		assertThat(browser.findAll("form[action='/signout']")).as("no sign-out button once signed out").isEmpty();
		assertThat(browser.find("header nav").getText()).doesNotContain(fullName).contains("Đăng nhập");
		browser.open("/workspace");
		assertThat(browser.path()).as("the workspace needs signing in again").startsWith("/signin");
	}

	@Test
	void wrongPasswordShowsAPlainMessageAndKeepsTheUsername() {
		browser.signIn("khongco.taikhoan", "sai-mat-khau-123");
		assertThat(browser.path()).isEqualTo("/signin?error");
		assertThat(browser.find(".error-summary").getText()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
		assertThat(browser.find("#f-password-error").getText()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
		assertThat(browser.find("#f-password").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find("#f-username").getDomProperty("value")).isEqualTo("khongco.taikhoan");
		assertThat(browser.find("#f-password").getDomProperty("value")).as("the password is never echoed").isEmpty();
		assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
			.as("app.js moves focus to the error summary").contains("error-summary");
		browser.check("signin-wrong-password");

		browser.open("/signin");
		assertThat(browser.findAll(".error-summary")).as("the error is shown once, not on the next visit").isEmpty();
	}
}
