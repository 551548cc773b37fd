package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import vn.xaso.testing.XasoIntegrationTest;

/** The pages anyone can open, on a phone-sized headless Chromium, with axe checks and screenshots. */
@XasoIntegrationTest
class BrowserPublicPagesTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();


	@Test
	void theSignatureCheckPageIsAccessible() {
		browser.open("/signatures/verify");
		assertThat(browser.h1()).isNotBlank();
		browser.check("public-signatures-verify");
	}

	@Test
	void landingPageFindsACommuneWithoutDiacriticsAndOpensItsHome() {
		browser.open("/");
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("vi");
		browser.check("public-home");

		browser.type("#q", "yen mo");
		browser.clickAndWait("form[role=search] button[type=submit]");
		assertThat(browser.path()).startsWith("/?q=");
		var link = browser.driver().findElement(By.linkText("Xã Yên Mô"));
		browser.check("public-home-search-yen-mo");

		browser.clickAndWait(link);
		assertThat(browser.path()).isEqualTo("/x/14701");
		assertThat(browser.h1()).isEqualTo("Xã Yên Mô");
		assertThat(browser.findAll("main li").stream().map(e -> e.getText()).toList())
			.anySatisfy(text -> assertThat(text).contains("Yên Hòa"));
		browser.check("public-commune-14701");
	}

	@Test
	void designSystemPage() {
		browser.open("/design");
		assertThat(browser.findAll("h1")).hasSize(1);
		browser.check("public-design");
	}

	@Test
	void officialSignInPage() {
		browser.open("/signin");
		assertThat(browser.h1()).isEqualTo("Đăng nhập cho cán bộ");
		assertThat(browser.find("#f-username").getAttribute("autocomplete")).isEqualTo("username");
		browser.check("public-signin");
	}

	@Test
	void citizenSignInPage() {
		browser.open("/citizen/signin");
		assertThat(browser.h1()).isEqualTo("Người dân đăng nhập");
		assertThat(browser.find("#f-phone").getAttribute("type")).isEqualTo("tel");
		browser.check("public-citizen-signin");
	}

	@Test
	void unknownCommuneShowsTheFriendlyNotFoundPage() {
		browser.open("/x/99999");
		assertThat(browser.h1()).isEqualTo("Không tìm thấy trang");
		assertThat(browser.driver().findElement(By.linkText("Về trang chủ")).getAttribute("href")).endsWith("/");
		browser.check("public-404");
	}

	@Test
	void largeTextMakesTheRootFontBiggerAndIsRemembered() {
		browser.open("/x/14701");
		var html = browser.find("html");
		var before = px(html.getCssValue("font-size"));

		browser.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Chữ to']")));
		assertThat(browser.path()).as("the button brings the reader back to the same page").isEqualTo("/x/14701");
		var after = px(browser.find("html").getCssValue("font-size"));
		assertThat(after).as("root font-size after 'Chữ to' (was %spx)", before).isGreaterThan(before);
		browser.screenshot("public-commune-large-text");

		browser.open("/signin");
		assertThat(px(browser.find("html").getCssValue("font-size"))).as("large text persists on another page").isEqualTo(after);
		assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Chữ thường']"))).hasSize(1);
		browser.check("public-signin-large-text");

		browser.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Chữ thường']")));
		assertThat(px(browser.find("html").getCssValue("font-size"))).isEqualTo(before);
	}

	@Test
	void englishWithLangParameter() {
		browser.open("/signin?lang=en");
		assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
		assertThat(browser.h1()).isEqualTo("Sign in for officials");
		browser.check("public-signin-en");

		browser.open("/citizen/signin");
		assertThat(browser.h1()).as("the language choice is remembered").isEqualTo("Citizen sign-in");

		browser.clickAndWait(browser.driver().findElement(By.linkText("Tiếng Việt")));
		assertThat(browser.h1()).isEqualTo("Người dân đăng nhập");
	}

	private static double px(String cssValue) {
		assertThat(cssValue).endsWith("px");
		return Double.parseDouble(cssValue.substring(0, cssValue.length() - 2));
	}
}
