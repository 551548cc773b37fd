package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.Announcement;
import vn.xaso.radio.Broadcasts;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The radio pages in a real browser: the operations and management pages pass axe, and the public
 * replay page's audio player loads the synthesised speech and really plays it.
 */
@XasoIntegrationTest
class BrowserRadioTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Broadcasts broadcasts;

	@Test
	void operationsAndManagementPagesAreAccessible() {
		browser.signIn("yenmo.admin", BrowserSignInTests.PASSWORD);
		browser.open("/radio/admin");
		assertThat(browser.h1()).isEqualTo("Đài truyền thanh thông minh");
		assertThat(browser.bodyText()).contains("Bộ thu", "Số phút phát theo thôn");
		browser.check("radio-operations");
		browser.open("/radio/admin/broadcasts/new");
		browser.check("radio-broadcast-new");
		// "Tạo bản tin" (the button without a formaction; the first one previews, issue 21)
		browser.clickAndWait("main form button[type=submit]:not([formaction])");
		assertThat(browser.bodyText()).contains("Hãy ghi tiêu đề");
		browser.check("radio-broadcast-new-errors");
		browser.type("#f-title", "Hỗ trợ cài VNeID");
		browser.type("#f-text", "Tổ CNSCĐ hỗ trợ từ 7h30 ngày 15/12/2026.");
		browser.clickAndWait("main form button[formaction]");
		assertThat(browser.bodyText()).contains("Lời loa sẽ đọc", "công nghệ số cộng đồng", "bảy giờ ba mươi phút");
		browser.check("radio-broadcast-preview");
		browser.open("/radio/admin/zones");
		browser.check("radio-zones");
		browser.open("/radio/admin/devices");
		browser.check("radio-devices");
	}

	@Test
	void theReplayPagePlaysTheSynthesisedSpeech() throws InterruptedException {
		long id = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> broadcasts.announce(new Announcement(DemoData.YEN_MO,
				"Thông báo lịch cắt điện", "Điện lực thông báo cắt điện từ 7h30 đến 11h ngày 14/11/2026 tại thôn Bình Hải.",
				Set.of(), false, null, "test:browser")));
		var deadline = Instant.now().plusSeconds(90);
		while (!broadcasts.find(id).orElseThrow().ready() && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(broadcasts.find(id).orElseThrow().ready()).isTrue();

		browser.open("/radio/14701");
		assertThat(browser.h1()).contains("Nghe lại đài truyền thanh");
		assertThat(browser.bodyText()).contains("Thông báo lịch cắt điện");
		browser.check("radio-replays");

		var js = (JavascriptExecutor) browser.driver();
		var selector = "audio[src='/radio/broadcasts/" + id + "/audio']";
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript(
				"const a = document.querySelector(arguments[0]); if (a.readyState < 1) { a.load(); } return a.readyState >= 1 && a.duration > 0;",
				selector)));
		var duration = ((Number) js.executeScript("return document.querySelector(arguments[0]).duration;", selector)).doubleValue();
		assertThat(duration).isCloseTo(broadcasts.find(id).orElseThrow().duration().toMillis() / 1000.0,
				org.assertj.core.data.Offset.offset(0.2));
		// browsers play only after the person has interacted with the page: click it as a listener would,
		// then start the player; the clock moving proves the browser decodes and plays the file
		browser.find("main h1").click();
		var played = js.executeAsyncScript("const cb = arguments[arguments.length - 1]; const a = document.querySelector(arguments[0]);"
				+ " a.muted = true; a.play().then(() => cb('playing')).catch(e => cb(e.name + ': ' + e.message));", selector);
		assertThat(played).isEqualTo("playing");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).withMessage(() -> String.valueOf(js.executeScript(
				"const a = document.querySelector(arguments[0]); return 'currentTime=' + a.currentTime + ' paused=' + a.paused"
						+ " + ' readyState=' + a.readyState + ' error=' + (a.error && a.error.code);", selector)))
			.until(d -> ((Number) js.executeScript("return document.querySelector(arguments[0]).currentTime;", selector)).doubleValue() > 0.3);
		// seeking uses HTTP Range
		js.executeScript("const a = document.querySelector(arguments[0]); a.currentTime = a.duration / 2;", selector);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> ((Number) js.executeScript(
				"return document.querySelector(arguments[0]).currentTime;", selector)).doubleValue() >= duration / 2 - 0.1);
	}
}
