package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import vn.xaso.testing.XasoIntegrationTest;

/**
 * Feedback end to end in Chromium with axe checks: a citizen files a report with a photo and a pin
 * put on the Leaflet map (a tile server is set for this test: the app's icon served as every tile), an
 * official answers it, the citizen rates the answer; the public page shows the answer and no personal data.
 * Without a tile server there is no map at all (JourneyFeedbackTests).
 */
@XasoIntegrationTest
class BrowserFeedbackTests {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
	private static final Pattern CODE = Pattern.compile("PA-14701-[0-9]{6}");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void citizenReportsWithPhotoAndPinOfficialAnswersCitizenRates() throws Exception {
		environment.getPropertySources().addFirst(new MapPropertySource("test-tiles",
				Map.of("xaso.feedback.tile-url", "/assets/icons/icon-192.png?z={z}&x={x}&y={y}")));
		try {
			walk();
		}
		finally {
			environment.getPropertySources().remove("test-tiles");
		}
	}

	private void walk() throws Exception {
		// The citizen signs in with the demo SMS code.
		browser.open("/citizen/signin");
		browser.type("#f-phone", "0988000002");
		browser.clickAndWait("form[action='/citizen/otp'] button[type=submit]");
		var matcher = SIX_DIGITS.matcher(browser.find("#demo-sms").getText());
		assertThat(matcher.find()).isTrue();
		browser.type("#f-code", matcher.group(1));
		browser.clickAndWait("form[action='/citizen/verify'] button[type=submit]");
		assertThat(browser.path()).isEqualTo("/citizen");
		assertThat(browser.bodyText()).contains("Phản ánh của tôi");

		// The form: a refused submission first (too short), then the real one.
		browser.open("/x/14701/feedback/new");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#feedback-map.leaflet-container")).isDisplayed());
		browser.check("feedback-new");
		new Select(browser.find("#f-category")).selectByValue("GT-DUONG");
		browser.type("#f-description", "ngắn");
		browser.clickAndWait("form.feedback-form button[type=submit]");
		assertThat(browser.find(".error-summary").getText()).contains("Hãy mô tả sự việc");
		browser.check("feedback-new-error");

		browser.type("#f-description", "Mặt đường liên thôn trước nhà văn hóa bị sụt một hố lớn, xe máy đi qua rất nguy hiểm.");
		var map = browser.find("#feedback-map");
		new Actions(browser.driver()).moveToElement(map, 30, -20).click().perform();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> !browser.find("#f-lat").getDomProperty("value").isEmpty());
		var lat = Double.parseDouble(browser.find("#f-lat").getDomProperty("value"));
		var lon = Double.parseDouble(browser.find("#f-lon").getDomProperty("value"));
		assertThat(lat).isBetween(19.5, 20.7);
		assertThat(lon).isBetween(105.4, 106.5);
		assertThat(browser.findAll("#feedback-map .leaflet-marker-icon")).hasSize(1);
		var photo = Files.createTempFile("o-ga-", ".jpg");
		Files.write(photo, vn.xaso.feedback.FeedbackImagesAccess.jpeg(1200, 900));
		browser.find("#f-photos").sendKeys(photo.toAbsolutePath().toString());
		browser.check("feedback-new-filled");
		browser.clickAndWait("form.feedback-form button[type=submit]");
		var codeMatcher = CODE.matcher(browser.bodyText());
		assertThat(codeMatcher.find()).as(browser.bodyText()).isTrue();
		var code = codeMatcher.group();
		assertThat(browser.bodyText()).contains("Mã phản ánh của bạn là " + code, "Mới tiếp nhận");
		browser.check("feedback-created");

		browser.open("/citizen/feedback");
		assertThat(browser.bodyText()).contains(code);
		browser.check("feedback-mine");
		var citizenCookies = browser.driver().manage().getCookies();

		// An official of Yên Mô answers it (the citizen's session is put aside, not ended).
		browser.driver().manage().deleteAllCookies();
		browser.signIn("yenmo.tuphap", BrowserSignInTests.PASSWORD);
		browser.open("/feedback");
		assertThat(browser.bodyText()).contains(code);
		browser.check("feedback-triage");
		browser.clickAndWait(browser.driver().findElement(By.linkText(code)));
		assertThat(browser.findAll(".feedback-photos img")).hasSize(1);
		new Select(browser.find("#f-handler")).selectByValue("yenmo.tuphap");
		browser.clickAndWait("form[action$='/assign'] button[type=submit]");
		browser.type("#f-note", "Nội bộ: đã báo đội giao thông thôn.");
		browser.clickAndWait("form[action$='/note'] button[type=submit]");
		browser.type("#f-answer", "UBND xã đã cho san lấp hố sụt trước nhà văn hóa thôn. Cảm ơn bạn đã phản ánh.");
		browser.clickAndWait("form[action$='/answer'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã gửi câu trả lời", "Đã trả lời");
		browser.check("feedback-official-detail");

		// The citizen comes back and rates the answer.
		browser.driver().manage().deleteAllCookies();
		browser.open("/");
		for (Cookie c : citizenCookies) {
			browser.driver().manage().addCookie(c);
		}
		browser.open("/citizen/feedback/" + code);
		assertThat(browser.bodyText()).contains("UBND xã đã cho san lấp hố sụt");
		browser.find("#f-rating-5").click();
		browser.clickAndWait("form[action$='/rate'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Cảm ơn bạn đã đánh giá", "5/5 sao");
		browser.check("feedback-rated");

		// The public page: the answer, the timeline, no internal note, no reporter's name or phone.
		browser.driver().manage().deleteAllCookies();
		browser.open("/x/14701/feedback/" + code);
		assertThat(browser.bodyText()).contains("UBND xã đã cho san lấp hố sụt", "Người phản ánh đánh giá")
			.doesNotContain("Nội bộ", "Trần Thị Bình", "0988000002", "yenmo.tuphap");
		browser.check("feedback-public-detail");
		browser.open("/x/14701/feedback");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !browser.findAll("#feedback-map .leaflet-marker-icon").isEmpty());
		browser.check("feedback-public-list");
	}
}
