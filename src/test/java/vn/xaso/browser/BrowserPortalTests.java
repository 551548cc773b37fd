package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.notify.PortalPushProbe;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.Posts;
import vn.xaso.radio.Broadcasts;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * "Announce once, reach everyone" in a real browser: the commune chairman writes one notice, ticks
 * phone notification and loudspeaker, and publishes. It is on the portal, the subscriber's push
 * service receives it (notify's fake push service verifies VAPID and decrypts it), and the loudspeaker
 * broadcast's synthesised audio plays on the notice page. Then the citizen app's service worker keeps
 * notices readable offline.
 */
@XasoIntegrationTest
class BrowserPortalTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	Posts posts;

	@Autowired
	Broadcasts broadcasts;

	@Test
	void aNoticePublishedOnceReachesThePortalPushAndTheLoudspeaker() throws Exception {
		try (var subscriber = new PortalPushProbe("portal-browser-subscriber")) {
			assertThat(subscriber.subscribe(port, DemoData.YEN_MO)).isEqualTo(201);
			try {
				var title = "Thông báo lịch tiêm vắc xin phòng dại đợt " + (System.nanoTime() % 100000);
				browser.signIn("yenmo.chutich", DemoData.PASSWORD);
				browser.open("/portal/posts/new");
				browser.type("#f-title", title);
				browser.type("#f-category", "Y tế");
				browser.type("#f-body", "Ngày 15/12/2026, Trạm y tế xã tiêm phòng dại cho chó, mèo tại nhà văn hóa các thôn.\n\n"
						+ "Mỗi liều 30.000 đồng. Đề nghị bà con đưa vật nuôi đến đúng giờ.");
				browser.find("#channel-WEB_PUSH").click();
				browser.find("#channel-RADIO").click();
				browser.check("portal-editor-new-notice");
				browser.clickAndWait("#save-publish");
				assertThat(browser.path()).startsWith("/portal/posts/");
				long id = Long.parseLong(browser.path().substring("/portal/posts/".length()));
				assertThat(browser.bodyText()).contains("Đã đăng").contains("Đã gửi đi lúc");
				browser.check("portal-editor-published");

				// 1. The portal.
				browser.signOut();
				browser.open("/x/" + DemoData.YEN_MO);
				assertThat(browser.bodyText()).contains(title);
				browser.check("portal-commune-home");

				// 2. Push: the subscriber's push service got it, signed and decryptable.
				new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(250))
					.until(d -> subscriber.received().stream().anyMatch(m -> m.contains(title)));
				assertThat(subscriber.rejected()).isEmpty();
				assertThat(subscriber.received().stream().filter(m -> m.contains(title)).findFirst().orElseThrow())
					.contains("/x/" + DemoData.YEN_MO + "/posts/" + id);

				// 3. Loudspeaker: a broadcast exists, its audio is synthesised and plays on the notice page.
				var leader = new OfficialPrincipal(1, "yenmo.chutich", "Chủ tịch", DemoData.YEN_MO, "Xã Yên Mô", java.util.Set.of(Role.LEADER),
						UnitScope.of(DemoData.YEN_MO));
				var post = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> posts.find(leader, id)).orElseThrow();
				assertThat(post.broadcastId()).as("broadcast id kept on the notice: %s", post.announceNote()).isNotNull();
				new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).pollingEvery(Duration.ofSeconds(1))
					.until(d -> broadcasts.find(post.broadcastId()).map(b -> b.ready() || "failed".equals(b.status())).orElse(false));
				var info = broadcasts.find(post.broadcastId()).orElseThrow();
				assertThat(info.status()).isEqualTo("ready");
				assertThat(info.duration()).isGreaterThan(Duration.ofSeconds(3));

				browser.open("/x/" + DemoData.YEN_MO + "/posts/" + id);
				assertThat(browser.find("#notice-audio").getDomAttribute("src")).isEqualTo("/radio/broadcasts/" + post.broadcastId() + "/audio");
				var js = (JavascriptExecutor) browser.driver();
				js.executeScript("var a = document.getElementById('notice-audio'); a.preload = 'auto'; a.muted = true; a.load();"
						+ " a.play().catch(function (e) { a.setAttribute('data-play-error', String(e)); });");
				new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(200))
					.withMessage(() -> "audio state: " + js.executeScript("var a = document.getElementById('notice-audio');"
							+ " return 'readyState=' + a.readyState + ' duration=' + a.duration + ' error=' + (a.error && a.error.code)"
							+ " + ' play=' + a.getAttribute('data-play-error') + ' src=' + a.currentSrc;"))
					.until(d -> Boolean.TRUE.equals(js.executeScript("var a = document.getElementById('notice-audio'); return a.duration > 0;")));
				var duration = ((Number) js.executeScript("return document.getElementById('notice-audio').duration;")).doubleValue();
				assertThat(duration).isGreaterThan(3.0);
				browser.check("portal-notice-read-aloud");
			}
			finally {
				subscriber.unsubscribe(port);
			}
		}
	}

	@Test
	void theServiceWorkerKeepsTheAppAndRecentNoticesReadableOffline() throws Exception {
		var leader = new OfficialPrincipal(1, "yenmo.chutich", "Chủ tịch", DemoData.YEN_MO, "Xã Yên Mô", java.util.Set.of(Role.LEADER),
				UnitScope.of(DemoData.YEN_MO));
		var title = "Thông báo đọc khi mất mạng " + (System.nanoTime() % 100000);
		long id = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			long created = posts.create(leader, new Posts.Draft("notice", "", title, "", "Lịch cắt điện thôn Đông: 7 giờ đến 11 giờ sáng Chủ nhật.",
					null, java.util.List.of(), java.util.Set.of(), false));
			posts.publish(leader, created);
			return created;
		});
		var driver = (ChromeDriver) browser.driver();
		browser.open("/app?unit=" + DemoData.YEN_MO);
		var wait = new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(250));
		wait.until(d -> "ready".equals(driver.executeScript("return document.documentElement.getAttribute('data-sw');")));
		wait.until(d -> driver.executeScript("return document.documentElement.getAttribute('data-offline-kept');") != null);
		assertThat(browser.bodyText()).contains(title);
		browser.check("citizen-app-online");
		try {
			driver.executeCdpCommand("Network.enable", Map.of());
			driver.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			// A notice the app kept, opened with no network.
			browser.open("/x/" + DemoData.YEN_MO + "/posts/" + id);
			assertThat(browser.bodyText()).contains(title).contains("Lịch cắt điện thôn Đông");
			browser.screenshot("portal-notice-offline");
			browser.open("/app?unit=" + DemoData.YEN_MO);
			assertThat(browser.bodyText()).contains(title);
			assertThat(browser.find("#app-offline").isDisplayed()).as("the offline note shows").isTrue();
			browser.screenshot("citizen-app-offline");
		}
		finally {
			driver.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		}
	}
}
