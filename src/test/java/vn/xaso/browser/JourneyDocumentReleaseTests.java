package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21: a Quyết định from drafting to release at a 1280-px desk, from the workspace and by visible links only. The
 * clerk picks the Quyết định template, fills the "…" and saves and submits in one click; the chairman finds it in his
 * to-do list, approves and signs; the clerk finds it in hers and releases it with the number, date and seal. Screens
 * and clicks are counted (before issue 21: 19 screens) and written to target/journeys/document-release/counts.txt.
 * The to-do list starts within the first screen at 1280×800 and at 360 px.
 */
@XasoIntegrationTest
class JourneyDocumentReleaseTests {

	static final int DESK = 1280;
	/** Screens of the same walk before issue 21 (blank textarea, no to-do list). */
	static final int SCREENS_BEFORE = 19;

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();


	@Test
	void aQuyetDinhFromItsTemplateToTheReleasedSignedDocument() throws IOException {
		var summary = "Về việc kiện toàn Tổ công nghệ số cộng đồng thôn Yên Hòa " + (System.nanoTime() % 100_000);
		var walk = Journey.start(browser, "document-release", "/signin", DESK);

		// The clerk drafts from the template and submits.
		signIn(walk, "yenmo.vanthu");
		assertTodoOnFirstScreen();
		walk.click("Văn bản đến, văn bản đi");
		walk.click("Soạn văn bản đi");
		assertThat(walk.text()).contains("Chọn loại văn bản cần soạn", "Tờ trình", "Giấy mời", "Biên bản");
		walk.click("Quyết định");
		var template = browser.find("#f-body").getDomProperty("value");
		assertThat(template).contains("Căn cứ Luật Tổ chức chính quyền địa phương", "QUYẾT ĐỊNH:", "Điều 1. …");
		walk.fill("Trích yếu", summary);
		walk.fill("Nội dung", template.replace("Căn cứ …;", "Căn cứ Quyết định số 1234/QĐ-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh;")
			.replace("Theo đề nghị của ….", "Theo đề nghị của Văn phòng HĐND và UBND xã.")
			.replace("Điều 1. …", "Điều 1. Kiện toàn Tổ công nghệ số cộng đồng thôn Yên Hòa gồm 05 thành viên.")
			.replace("Văn phòng HĐND và UBND xã, …", "Văn phòng HĐND và UBND xã, Trưởng thôn Yên Hòa"));
		walk.choose("Người ký *", "Đinh Văn Hùng");
		walk.click("Lưu và trình lãnh đạo duyệt");
		assertThat(walk.text()).contains("Đã lưu dự thảo và trình lãnh đạo duyệt", summary);
		walk.click("Đăng xuất");

		// The chairman approves it from his to-do list.
		signIn(walk, "yenmo.chutich");
		assertThat(walk.text()).contains("Việc cần làm");
		walk.click("văn bản chờ tôi duyệt");
		walk.click(summary);
		walk.fill("Mật khẩu chữ ký số cá nhân của bạn", DemoData.SIGNING_PASSWORD);
		walk.click("Duyệt và ký số");
		assertThat(walk.text()).contains("Đã duyệt và ký số");
		walk.click("Đăng xuất");

		// The clerk releases it from hers.
		signIn(walk, "yenmo.vanthu");
		walk.click("văn bản đã duyệt chờ phát hành");
		walk.click(summary);
		walk.fill("Mật khẩu chữ ký số của cơ quan", DemoData.SIGNING_PASSWORD);
		walk.click("Phát hành và cấp số");
		assertThat(walk.text()).contains("Đã phát hành").containsPattern("\\d{2,}/QĐ-UBND").contains("Đinh Văn Hùng", "UBND Xã Yên Mô");
		// The day as people write it, not the machine form 2026-12-07 (issue 21, "raw values on officials' pages").
		assertThat(walk.text()).contains(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
			.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))).doesNotContainPattern("\\b\\d{4}-\\d{2}-\\d{2}\\b");

		var counts = "document-release (issue 21): " + walk.screens() + " screens, " + walk.clicks() + " clicks (before: " + SCREENS_BEFORE
				+ " screens)\n" + String.join("\n", walk.steps()) + "\n";
		Files.writeString(Journey.ROOT.resolve("document-release").resolve("counts.txt"), counts);
		System.out.println(counts);
		assertThat(walk.screens()).isLessThan(SCREENS_BEFORE);
		walk.assertScreensAtMost(16);
		assertThat(walk.clicks()).isLessThanOrEqualTo(18);
	}

	/** The to-do list's top is inside the first screen (800 px high) at the desk and on a 360-px phone. */
	private void assertTodoOnFirstScreen() {
		for (int width : new int[] { DESK, Journey.PHONE_WIDTH }) {
			browser.driver().manage().window().setSize(new Dimension(width, 800));
			var top = ((Number) browser.driver().executeScript(
					"var t = document.getElementById('todo'); return t ? t.getBoundingClientRect().top + window.scrollY : 99999;")).doubleValue();
			var height = ((Number) browser.driver().executeScript("return window.innerHeight;")).doubleValue();
			assertThat(top).as("to-do list top at " + width + " px").isLessThan(height - 60);
		}
		browser.driver().manage().window().setSize(new Dimension(DESK, 800));
	}

	private void signIn(Journey walk, String username) {
		if (!walk.path().startsWith("/signin")) {
			walk.click("Đăng nhập");
		}
		walk.fill("Tên đăng nhập", username);
		walk.fill("Mật khẩu", DemoData.PASSWORD);
		walk.clickWithin("main", "Đăng nhập");
		assertThat(walk.path()).isEqualTo("/workspace");
	}

	static Path counts() {
		return Journey.ROOT.resolve("document-release").resolve("counts.txt");
	}
}
