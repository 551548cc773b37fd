package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * The administrator's pages, as {@code yenmo.admin}: account list, creating an account with inline
 * errors, search without diacritics, the audit log and its chain check; tenant isolation as
 * {@code ngaan.admin}; and the 403 page for a non-administrator.
 */
@XasoIntegrationTest
class BrowserAdminTests {

	/** A full Vietnamese mobile number anywhere in the page text. */
	private static final Pattern FULL_PHONE = Pattern.compile("\\b0\\d{9}\\b");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void adminHomeAndAccountListShowOnlyMaskedPhones() {
		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.clickAndWait("header nav a[href='/admin']");
		assertThat(browser.path()).isEqualTo("/admin");
		assertThat(browser.h1()).isEqualTo("Quản trị");
		browser.check("admin-home");

		browser.clickAndWait(browser.driver().findElement(By.cssSelector("main a[href='/admin/accounts']")));
		assertThat(browser.path()).isEqualTo("/admin/accounts");
		var table = browser.find("main table").getText();
		assertThat(table).contains("yenmo.chutich", "Đinh Văn Hùng", "091****102");
		assertThat(FULL_PHONE.matcher(browser.bodyText()).find()).as("no full phone number on the list").isFalse();
		assertThat(browser.driver().getPageSource()).doesNotContain("0912000102");
		browser.check("admin-accounts");
	}

	@Test
	void villagesAndHolidayPagesWorkAndPassAccessibilityChecks() {
		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/admin/units");
		assertThat(browser.h1()).isEqualTo("Xã Yên Mô");
		browser.check("admin-units");
		var name = "Thử " + (System.nanoTime() % 100000);
		browser.type("#f-name", name);
		browser.clickAndWait("form[action='/admin/units/villages'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã thêm Thôn " + name);
		browser.open("/x/14701");
		assertThat(browser.bodyText()).contains("Thôn " + name);

		browser.open("/admin/signing");
		browser.check("admin-signing");

		browser.open("/admin/calendar?year=2026");
		assertThat(browser.h1()).isEqualTo("Ngày nghỉ lễ năm 2026");
		assertThat(browser.bodyText()).contains("Giỗ Tổ Hùng Vương");
		browser.check("admin-calendar");
	}

	@Test
	void createAnAccountWithInlineErrorsThenFindItAndItsAuditEntry() {
		var suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		var username = "kiemthu.b" + suffix;
		var fullName = "Đỗ Thị Kiểm Thử " + suffix;
		var phone = "097" + suffix.substring(0, 6) + "9";

		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/admin/accounts");
		browser.clickAndWait(browser.driver().findElement(By.cssSelector("main a[href='/admin/accounts/new']")));
		assertThat(browser.path()).isEqualTo("/admin/accounts/new");
		browser.check("admin-account-new");

		// 1. a bad phone number and a short password
		browser.type("#f-username", username);
		browser.type("#f-fullName", fullName);
		browser.type("#f-title", "Công chức thử nghiệm");
		browser.type("#f-phone", "123");
		browser.find("#role-CLERK").click();
		browser.type("#f-password", "ngan1");
		submitAccountForm();
		assertThat(browser.find("#f-phone-error").getText()).contains("Số điện thoại không hợp lệ");
		assertThat(browser.find(".error-summary").getText()).contains("Số điện thoại không hợp lệ");
		assertThat(browser.find("#f-phone").getAttribute("aria-invalid")).isEqualTo("true");
		assertValuesKept(username, fullName, "123");
		browser.check("admin-account-new-bad-phone");

		// 2. the phone fixed, the password still too short
		browser.type("#f-phone", phone);
		browser.type("#f-password", "ngan1");
		submitAccountForm();
		assertThat(browser.find("#f-password-error").getText()).contains("ít nhất 10 ký tự");
		assertValuesKept(username, fullName, phone);
		assertThat(browser.find("#f-password").getDomProperty("value")).as("passwords are never echoed").isEmpty();
		browser.check("admin-account-new-short-password");

		// 3. all correct
		browser.type("#f-password", "Lua-chin-2026-thu");
		submitAccountForm();
		assertThat(browser.path()).matches("/admin/accounts/\\d+");
		assertThat(browser.h1()).isEqualTo(fullName);
		assertThat(browser.find(".notice").getText()).contains("Đã tạo tài khoản " + username);
		assertThat(browser.find("dl.summary").getText()).contains(phone.substring(0, 3) + "****" + phone.substring(7))
			.doesNotContain(phone);
		browser.check("admin-account-created");

		// search without diacritics
		browser.open("/admin/accounts");
		browser.type("#q", "do thi kiem thu " + suffix);
		browser.clickAndWait("form[role=search] button[type=submit]");
		assertThat(browser.findAll("main tbody tr")).hasSize(1);
		assertThat(browser.find("main tbody").getText()).contains(fullName, username);
		browser.check("admin-accounts-search");

		// the audit log shows the creation, and the chain is intact
		browser.open("/admin/audit");
		assertThat(browser.h1()).isEqualTo("Nhật ký thao tác");
		assertThat(browser.find("main table").getText()).contains("account.created", username);
		browser.check("admin-audit");

		browser.clickAndWait(browser.driver().findElement(By.xpath("//button[normalize-space()='Kiểm tra nhật ký']")));
		assertThat(browser.find("#verify-result").getAttribute("class")).contains("notice-success");
		assertThat(browser.find("#verify-result").getText()).startsWith("Nhật ký nguyên vẹn");
		browser.check("admin-audit-verify");
	}

	@Test
	void anotherCommunesAdministratorCannotSeeYenMoAccounts() {
		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/admin/accounts?q=yenmo.chutich");
		var href = browser.driver().findElement(By.linkText("Đinh Văn Hùng")).getAttribute("href");
		var yenMoAccount = href.substring(href.indexOf("/admin/accounts/"));
		browser.signOut();

		browser.signIn("ngaan.admin", BrowserSignInTests.PASSWORD);
		browser.open("/admin/accounts");
		assertThat(browser.find("main").getText()).contains("ngaan.motcua").doesNotContain("yenmo.");
		browser.screenshot("admin-accounts-ngaan");

		browser.open("/admin/accounts?q=yenmo");
		assertThat(browser.findAll("main tbody tr")).isEmpty();

		browser.open(yenMoAccount);
		assertThat(browser.h1()).isEqualTo("Không tìm thấy trang");
		assertThat(browser.bodyText()).doesNotContain("Đinh Văn Hùng");
		browser.check("admin-account-other-unit-404");
	}

	@Test
	void nonAdministratorGetsTheForbiddenPage() {
		browser.signIn("yenmo.motcua", BrowserSignInTests.PASSWORD);
		assertThat(browser.findAll("header nav a[href='/admin']")).as("no admin link for a one-stop officer").isEmpty();
		browser.open("/admin");
		assertThat(browser.h1()).isEqualTo("Bạn không có quyền xem trang này");
		browser.check("admin-403");
	}

	private static void submitAccountForm() {
		browser.clickAndWait("main form[action='/admin/accounts'] button[type=submit]");
	}

	private static void assertValuesKept(String username, String fullName, String phone) {
		assertThat(browser.find("#f-username").getDomProperty("value")).isEqualTo(username);
		assertThat(browser.find("#f-fullName").getDomProperty("value")).isEqualTo(fullName);
		assertThat(browser.find("#f-title").getDomProperty("value")).isEqualTo("Công chức thử nghiệm");
		assertThat(browser.find("#f-phone").getDomProperty("value")).isEqualTo(phone);
		assertThat(browser.find("#role-CLERK").isSelected()).as("the chosen role stays ticked").isTrue();
	}
}
