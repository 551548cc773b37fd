package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 13, "Thử nộp một hồ sơ" after setup, as the commune's administrator does it: the guide's first screen opens
 * the citizen page of a simple procedure in a new window, where a dossier marked HỒ SƠ THỬ is submitted (signing in
 * as a citizen in the same browser); back in the guide the administrator signs in again and comes back to the guide,
 * opens the one-stop list in a new window and finds the dossier, then removes it on "Xoá hồ sơ thử". Only visible
 * links, buttons and labelled fields; every screen counted and checked with axe.
 */
@XasoIntegrationTest
class JourneyTryItTests {

	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired DemoTextMessages texts;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
	@Autowired org.springframework.transaction.PlatformTransactionManager transactions;

	long inYenMo(String sql, Object... params) {
		Long n = vn.xaso.platform.tenancy.Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.of(DemoData.YEN_MO),
				() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
					.execute(s -> jdbc.sql(sql).params(params).query(Long.class).single()));
		return n == null ? -1 : n;
	}

	@Test
	void theAdministratorSubmitsATestDossierSeesItArriveAndRemovesIt() throws Exception {
		browser.driver().manage().deleteAllCookies();
		// A province-like instance: no finished setup names the commune, so the guide asks the administrator first.
		jdbc.sql("delete from setup_state where id = 1").update();
		var walk = Journey.start(browser, "try-it", "/setup/try", 1280);
		assertThat(walk.text()).contains("Bước 1/3", "Đăng nhập bằng tài khoản quản trị viên");
		walk.click("Đăng nhập bằng tài khoản quản trị viên");
		walk.fill("Tên đăng nhập", "yenmo.admin").fill("Mật khẩu", DemoData.PASSWORD).clickWithin("main", "Đăng nhập");
		assertThat(walk.path()).startsWith("/setup/try");
		assertThat(walk.text()).contains("Nộp thử một hồ sơ như người dân", "HỒ SƠ THỬ");

		// 1. The citizen page in a new window: the dossier submitted there is marked as a test dossier (a flag, not a name).
		var guide = walk.clickToNewWindow("Mở trang thủ tục cho người dân");
		assertThat(walk.text()).contains("Khai báo tạm vắng");
		walk.click("Nộp trực tuyến");
		var phone = "0987" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000));
		walk.fill("Số điện thoại", phone).click("Gửi mã");
		var code = SIX_DIGITS.matcher(texts.latestFor(phone).orElse(""));
		assertThat(code.find()).isTrue();
		walk.fill("Mã 6 số", code.group(1)).click("Xác nhận");
		walk.fill("Họ, chữ đệm và tên người yêu cầu", "Trần Văn Nam");
		walk.fill("Số căn cước của người yêu cầu", "037090001234");
		walk.fill("Số điện thoại di động", phone);
		walk.fill("Nơi cư trú của người yêu cầu", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình");
		walk.fill("Nơi đến", "Thành phố Hà Nội");
		walk.fill("Vắng từ ngày", "02022027");
		walk.fill("Đến ngày", "03032027");
		walk.fill("Lý do, nội dung đề nghị", "Thử trước khi mở cho người dân");
		walk.click("Tiếp tục");
		walk.click("Nộp hồ sơ");
		assertThat(walk.text()).contains("Đã nộp hồ sơ");
		var dossierCode = browser.find(".dossier-code").getText();
		// A real flag: left out of the indicators (nothing reported) and of the statistics and tracking book.
		assertThat(inYenMo("select count(*) from dossier where code = ? and test", dossierCode)).isEqualTo(1L);
		assertThat(inYenMo("select count(*) from dossier_metric m join dossier d on d.id = m.dossier_id where d.code = ?", dossierCode))
			.isZero();
		walk.backTo(guide);

		// 2. Back in the guide: signed in as a citizen now, so sign in again as administrator and come back.
		walk.click("Tôi đã nộp xong — xem hồ sơ đến Một cửa");
		if (walk.text().contains("Đăng nhập bằng tài khoản quản trị viên")) {
			walk.click("Đăng nhập bằng tài khoản quản trị viên");
			walk.fill("Tên đăng nhập", "yenmo.admin").fill("Mật khẩu", DemoData.PASSWORD).clickWithin("main", "Đăng nhập");
		}
		assertThat(walk.path()).startsWith("/setup/try/inbox");
		assertThat(walk.text()).contains("Hồ sơ đến bộ phận Một cửa");
		var guideAgain = walk.clickToNewWindow("Mở danh sách hồ sơ của Một cửa");
		assertThat(walk.text()).contains(dossierCode);
		walk.backTo(guideAgain);

		// 3. Remove the test dossier.
		walk.click("Đã thấy hồ sơ — xoá hồ sơ thử");
		walk.click("Đến trang Xoá hồ sơ thử");
		assertThat(walk.text()).contains(dossierCode, "chỉ liệt kê hồ sơ thử");
		walk.tick(dossierCode);
		walk.fill("Lý do xoá", "Hồ sơ thử khi cài đặt");
		walk.tick("Tôi xác nhận đây là hồ sơ thử");
		walk.click("Xoá hồ sơ đã đánh dấu");
		assertThat(walk.text()).contains("Đã xoá 1 hồ sơ thử").doesNotContain(dossierCode);

		Files.createDirectories(Path.of("target", "journeys"));
		Files.writeString(Path.of("target", "journeys", "try-it-screens.txt"), walk.screens() + " screens\n" + String.join("\n", walk.steps()) + "\n");
		walk.assertScreensAtMost(18);
	}
}
