package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.setup.internal.OfficialsFile;
import vn.xaso.setup.internal.ProvinceCommunes;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * Issue 13, province onboarding as people do it: the province's onboarding administrator (ninhbinh.trienkhai)
 * starts at the workspace, uploads the list of communes, reads the dry run, sends the invitations and finds
 * one of the communes on the province page; then that commune's first administrator opens the link from the
 * text message, creates the account, finishes, and signs in; the province page now counts the commune as live.
 * Only visible links, buttons and labelled fields; every screen counted and checked with axe.
 */
@XasoIntegrationTest
class JourneyProvinceOnboardingTests {

	static final int DESK = 1280;
	static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/setup/commune/[A-Za-z0-9_-]{43})");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired ProvinceCommunes communes;
	@Autowired Units units;
	@Autowired DemoTextMessages texts;

	@Test
	void aProvinceInvitesTwoCommunesAndOneGoesLive() throws Exception {
		var fresh = communes.states("37").values().stream().filter(c -> c.state() == ProvinceCommunes.State.NOT_STARTED)
			.map(ProvinceCommunes.CommuneState::code).sorted((a, b) -> b.compareTo(a)).limit(2).toList();
		var first = units.find(fresh.get(0)).orElseThrow();
		var phone = "0965" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000));
		var file = Files.createTempFile(Path.of("target").toAbsolutePath(), "danh-sach-xa-", ".csv");
		Files.writeString(file, "Mã xã,Mã cơ quan một cửa,Họ và tên quản trị,Số điện thoại,Thư điện tử\n"
				+ fresh.get(0) + ",000.00.37.J" + fresh.get(0) + ",Trương Thị Ngọc," + phone + ",ngoc@example.vn\n"
				+ fresh.get(1) + ",000.00.37.J" + fresh.get(1) + ",Đinh Văn Lộc,0966" + phone.substring(4) + ",\n", StandardCharsets.UTF_8);

		// The province: workspace → invite → check → send → the communes' page, searching without diacritics.
		var province = Journey.start(browser, "province-onboarding", "/signin", DESK);
		province.fill("Tên đăng nhập", "ninhbinh.trienkhai");
		province.fill("Mật khẩu", DemoData.PASSWORD);
		province.clickWithin("main", "Đăng nhập");
		assertThat(province.path()).isEqualTo("/workspace");
		province.click("Mời các xã cài đặt");
		province.attach("Tệp danh sách xã", file);
		province.click("Kiểm tra danh sách");
		assertThat(province.text()).contains("Tất cả 2 dòng đều đúng", first.name(), "Chưa gửi lời mời nào");
		province.click("Gửi lời mời đến 2 xã");
		assertThat(province.text()).contains("Đã gửi lời mời cài đặt đến 2 xã");
		province.click("Xem tình trạng các xã");
		province.fill("Tìm xã", OfficialsFile.fold(first.shortName()));
		province.click("Tìm");
		assertThat(province.text()).contains(first.name(), "Đã mời, chưa mở", "Trương Thị Ngọc");
		int provinceScreens = province.screens();
		province.assertScreensAtMost(7);

		// The commune: the link in the text message → administrator account → finish → sign in.
		var message = awaitText(phone);
		var link = LINK.matcher(message);
		assertThat(link.find()).as(message).isTrue();
		var commune = Journey.start(browser, "commune-setup-by-invitation", link.group(1), DESK);
		assertThat(commune.text()).contains("Cài đặt XaSo cho " + first.name(), "Trương Thị Ngọc");
		commune.fill("Tên đăng nhập", "quantri.j" + fresh.get(0));
		commune.fill("Mật khẩu", "Lua-chin-vang-dong-2026");
		commune.fill("Nhập lại mật khẩu", "Lua-chin-vang-dong-2026");
		commune.click("Tạo tài khoản quản trị");
		assertThat(commune.text()).contains("Đã tạo tài khoản quản trị quantri.j" + fresh.get(0));
		commune.click("Hoàn tất cài đặt");
		assertThat(commune.text()).contains("Xã đã sẵn sàng dùng XaSo");
		commune.clickWithin("main", "Đăng nhập");
		commune.fill("Tên đăng nhập", "quantri.j" + fresh.get(0));
		commune.fill("Mật khẩu", "Lua-chin-vang-dong-2026");
		commune.clickWithin("main", "Đăng nhập");
		assertThat(commune.path()).isEqualTo("/workspace");
		assertThat(commune.text()).contains(first.name());
		int communeScreens = commune.screens();
		commune.assertScreensAtMost(6);

		assertThat(communes.states("37").get(fresh.get(0)).state()).isEqualTo(ProvinceCommunes.State.LIVE);
		assertThat(communes.states("37").get(fresh.get(1)).state()).isEqualTo(ProvinceCommunes.State.INVITED);
		Files.writeString(Path.of("target", "journeys", "province-onboarding-screens.txt"),
				"province " + provinceScreens + "\ncommune " + communeScreens + "\ntotal " + (provinceScreens + communeScreens) + "\n");
	}

	/** The text message to this phone: notify's outbox delivers it right after the commit, on another thread. */
	String awaitText(String phone) throws InterruptedException {
		long until = System.nanoTime() + 15_000_000_000L;
		while (System.nanoTime() < until) {
			var latest = texts.latestFor(phone);
			if (latest.isPresent()) {
				return latest.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No text message to " + phone);
	}
}
