package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * The procedure catalogue in a real browser: the public search page and a procedure page (also
 * as printed), and the administrator's editor with its no-JavaScript field buttons; axe on each.
 */
@XasoIntegrationTest
class BrowserCatalogTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void publicSearchAndProcedurePage() {
		browser.open("/procedures?unit=14701");
		assertThat(browser.h1()).contains("Thủ tục hành chính", "Xã Yên Mô");
		browser.type("#q", "dang ky khai sinh");
		browser.clickAndWait("form.catalog-search button[type=submit]");
		assertThat(browser.bodyText()).contains("Thủ tục đăng ký khai sinh");
		browser.check("catalog-search");
		browser.clickAndWait("a[href='/procedures/1.001193?unit=14701']");
		assertThat(browser.h1()).isEqualTo("Thủ tục đăng ký khai sinh");
		assertThat(browser.find("a.button").getAttribute("href")).endsWith("/citizen/dossiers/new?procedure=1.001193&unit=14701");
		browser.check("catalog-procedure");
		browser.open("/procedures/2.000815?unit=14701");
		scrollTo("#fees-h");
		browser.check("catalog-procedure-fees");
		scrollTo(".procedure-qr");
		browser.screenshot("catalog-procedure-qr");
	}

	@Test
	void adminEditorWorksWithoutJavaScript() {
		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/admin/procedures?q=khai+tu");
		assertThat(browser.h1()).isEqualTo("Danh mục thủ tục");
		browser.check("catalog-admin-list");
		browser.open("/admin/procedures/1.000656/edit");
		assertThat(browser.h1()).isEqualTo("Sửa thủ tục 1.000656");
		int fields = browser.findAll("fieldset.editor-row input[name$='.label']").size();
		browser.clickAndWait("button[value='addField']");
		assertThat(browser.findAll("fieldset.editor-row input[name$='.label']")).hasSize(fields + 1);
		browser.clickAndWait("button[value='removeField:" + fields + "']");
		assertThat(browser.findAll("fieldset.editor-row input[name$='.label']")).hasSize(fields);
		browser.driver().findElement(org.openqa.selenium.By.id("f-name")).clear();
		browser.clickAndWait("button[value='save']");
		assertThat(browser.bodyText()).contains("Vui lòng nhập tên thủ tục.");
		browser.check("catalog-admin-edit");
		scrollTo("fieldset.editor-row");
		browser.screenshot("catalog-admin-edit-rows");
	}

	private static void scrollTo(String css) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)",
				browser.find(css));
	}
}
