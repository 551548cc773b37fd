package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Issue 11, the whole way a villager goes: from the commune's home page on a 360-px phone to the receipt of
 * an online birth registration (1.001193), following only visible links and buttons, signing in by phone with
 * the code shown on screen (demo SMS), filling the form by its labels, attaching the birth certificate scan
 * after saying what it is, and submitting. At most {@value #MOST_SCREENS} screens.
 */
final class BirthRegistrationWalk {

	static final int MOST_SCREENS = 10;
	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

	private BirthRegistrationWalk() {
	}

	static Journey walk(BrowserSupport browser, String name) throws Exception {
		var phone = "0977" + String.format("%06d", System.nanoTime() % 1_000_000);
		var walk = Journey.start(browser, name, "/x/14701");
		walk.click("Thủ tục hành chính");
		walk.click("Thủ tục đăng ký khai sinh");
		walk.click("Nộp trực tuyến");
		assertThat(walk.path()).startsWith("/citizen/signin");
		assertThat(walk.text()).contains("quay lại ngay trang đang làm dở");
		walk.fill("Số điện thoại", phone);
		walk.click("Gửi mã");
		var sms = SIX_DIGITS.matcher(browser.find("#demo-sms").getText());
		assertThat(sms.find()).as("the demo SMS with the code is shown on screen").isTrue();
		walk.fill("Mã", sms.group(1));
		walk.click("Xác nhận");
		// Back where the person was going: the procedure's form, not the citizen home.
		assertThat(walk.path()).startsWith("/citizen/dossiers/new");
		assertThat(walk.text()).contains("Thủ tục đăng ký khai sinh");
		// Pre-filled: the verified phone, "Kinh", "Việt Nam".
		assertThat(field(browser, "f-ef_requesterPhone")).isEqualTo(phone);
		assertThat(field(browser, "f-ef_childEthnicity")).isEqualTo("Kinh");
		assertThat(field(browser, "f-ef_childNationality")).isEqualTo("Việt Nam");

		walk.fill("Họ, chữ đệm và tên người yêu cầu", "Trần Thị Hoa");
		walk.fill("Số căn cước của người yêu cầu", "037190001234");
		walk.fill("Nơi cư trú của người yêu cầu", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
		walk.choose("Quan hệ của người đi đăng ký với trẻ", "Mẹ");
		walk.fill("Họ, chữ đệm và tên của trẻ", "Phạm Minh An");
		walk.fillDate("Ngày, tháng, năm sinh của trẻ", LocalDate.now().minusDays(3));
		walk.choose("Giới tính", "Nam");
		walk.fill("Nơi sinh", "Trạm y tế xã Yên Mô, tỉnh Ninh Bình");
		walk.fill("Họ, chữ đệm và tên người mẹ", "Trần Thị Hoa");
		walk.tick("Tôi cam đoan");
		walk.click("Tiếp tục");
		assertThat(walk.text()).contains("Bước 2 của 2", "Đã khai ở bước 1");

		walk.attach("Chọn ảnh chụp hoặc bản quét", BrowserDossierJourneyTests.png("giay-chung-sinh"));
		walk.choose("Đây là giấy tờ nào?", "Giấy chứng sinh");
		walk.click("Đính kèm");
		assertThat(walk.text()).contains("Đã đính kèm 1 tệp", "giay-chung-sinh");

		walk.click("Nộp hồ sơ");
		assertThat(walk.text()).contains("Đã nộp hồ sơ. Mã hồ sơ của bạn là");
		assertThat(walk.text()).as("the submitted papers are listed by what they are, then the file")
			.containsPattern("Giấy chứng sinh[^\\n]*: giay-chung-sinh");
		walk.assertScreensAtMost(MOST_SCREENS);
		return walk;
	}

	private static String field(BrowserSupport browser, String id) {
		return browser.find("#" + id).getAttribute("value");
	}
}
