package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.xaso.feedback.FeedbackImagesAccess;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A villager who has never used XaSo, on a 360-px phone, at the commune's page: reports a street light
 * that is out, with a photo and the village, using only the links and buttons they can see. Four screens:
 * the commune home, the form, the confirmation with the report's code and address, and the public list
 * where the report now stands. No map without a tile server, no latitude or longitude to type: the phone's
 * position comes with one press of "Dùng vị trí của tôi" (geolocation, emulated here).
 * The same walk with JavaScript off is {@link JourneyFeedbackNoJavaScriptTests}.
 *
 * <p>And the things people look for beside the news: tracking an application, the public board and the
 * radio replays, each one tap from the commune home.
 */
@XasoIntegrationTest
class JourneyFeedbackTests {

	static final Pattern CODE = Pattern.compile("PA-14701-[0-9]{6}");

	/** The most a person needs: home, form, confirmation, public list. */
	static final int MOST_SCREENS = 4;

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Test
	void aVillagerReportsABrokenStreetLightWithAPhotoAndFindsItInThePublicList() throws IOException {
		var code = reportAndFind(browser, "feedback-villager", true);
		assertThat(code).matches(CODE);
	}

	/** The walk shared with the no-JavaScript run; returns the report's code. */
	static String reportAndFind(BrowserSupport browser, String name, boolean useLocation) throws IOException {
		var walk = Journey.start(browser, name, "/x/14701");
		assertThat(walk.text()).contains("Phản ánh, kiến nghị").doesNotContain("??");
		walk.click("Gửi phản ánh");
		assertThat(walk.path()).isEqualTo("/x/14701/feedback/new");
		assertThat(walk.text()).as("nobody is asked for coordinates").doesNotContain("Vĩ độ", "Kinh độ");
		assertThat(browser.driver().getPageSource()).as("no map library without a tile server").doesNotContain("leaflet");

		walk.choose("Loại việc", "Điện chiếu sáng (trả lời trong 5 ngày làm việc)");
		walk.fill("Nội dung", "Đèn đường ở ngã ba cạnh nhà văn hóa thôn tắt ba hôm nay, buổi tối đi lại rất tối.");
		walk.choose("Thôn, tổ dân phố", "Thôn Yên Hòa");
		walk.fill("Địa chỉ, điểm mốc", "Ngã ba cạnh nhà văn hóa thôn");
		if (useLocation) {
			// The phone is at the crossroads and the person allows the page to know where.
			var driver = (ChromeDriver) browser.driver();
			var url = URI.create(driver.getCurrentUrl());
			driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation"),
					"origin", url.getScheme() + "://" + url.getAuthority()));
			driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 20.1012, "longitude", 105.9801, "accuracy", 12));
			walk.press("Dùng vị trí của tôi");
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> walk.text().contains("Đã lấy vị trí của bạn"));
			assertThat(browser.find("#f-lat").getDomProperty("value")).isEqualTo("20.101200");
		}
		walk.attach("Ảnh", photo());
		walk.click("Gửi phản ánh");

		var text = walk.text();
		var found = CODE.matcher(text);
		assertThat(found.find()).as("the confirmation shows the code: %s", text).isTrue();
		var code = found.group();
		assertThat(text).contains("Mã phản ánh của bạn là " + code, "Địa chỉ để xem lại:", "/x/14701/feedback/" + code, "Thôn Yên Hòa");
		assertThat(text).as("the photo arrived; private until the commune publishes it").contains("Đã nhận 1 ảnh");
		assertThat(browser.findAll(".feedback-photos img")).isEmpty();

		walk.click("Phản ánh, kiến nghị");
		assertThat(walk.path()).isEqualTo("/x/14701/feedback");
		assertThat(walk.text()).contains(code, "Đèn đường ở ngã ba cạnh nhà văn hóa thôn");
		walk.assertScreensAtMost(MOST_SCREENS);
		return code;
	}

	@Test
	void fromTheCommuneHomeOneTapFindsTrackingTheBoardAndTheRadio() {
		findsInOneTap(browser, "Tra cứu hồ sơ bằng mã", "/dossiers/track", "Tra cứu");
		findsInOneTap(browser, "Bảng công khai chất lượng phục vụ", "/board/14701", "Bảng công khai");
		findsInOneTap(browser, "Nghe lại loa truyền thanh", "/radio/14701", "");
		findsInOneTap(browser, "Đăng ký khai sinh", "/procedures/1.001193?unit=14701", "khai sinh");
		findsInOneTap(browser, "Xem tất cả thủ tục", "/procedures?unit=14701", "");
	}

	@Test
	void theHeaderSignInIsTheCitizensOneAndOfficialsHaveTheirOwnSmallLink() {
		var walk = Journey.start(browser, "feedback-header-signin", "/x/14701");
		walk.clickWithin("header", "Đăng nhập");
		assertThat(walk.path()).isEqualTo("/citizen/signin");
		var officials = Journey.start(browser, "feedback-header-officials", "/x/14701");
		officials.clickWithin("header", "Cán bộ đăng nhập");
		assertThat(officials.path()).isEqualTo("/signin");
	}

	static void findsInOneTap(BrowserSupport browser, String link, String path, String words) {
		var walk = Journey.start(browser, "feedback-find-" + path.replaceAll("[^a-z0-9]+", "-"), "/x/14701");
		walk.click(link);
		assertThat(walk.path()).isEqualTo(path);
		assertThat(walk.text()).contains(words).doesNotContain("Không tìm thấy trang", "Bạn không có quyền");
		walk.assertScreensAtMost(2);
	}

	static Path photo() throws IOException {
		var file = Files.createTempFile("den-duong-", ".jpg");
		Files.write(file, FeedbackImagesAccess.jpeg(1200, 900));
		return file;
	}
}
