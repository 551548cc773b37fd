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
 * text message (read from notify's outbox, as the person gets it) and runs the same wizard as a first-run setup
 * from step 2 (administrator, one-stop desk and bank, a PKCS#12 made here, two officials from a checked file,
 * procedures, checklist), finishes and signs in; the province page then shows the commune live.
 * Only visible links, buttons and labelled fields; every screen counted and checked with axe.
 */
@XasoIntegrationTest
class JourneyProvinceOnboardingTests {

	static final int DESK = 1280;
	static final String PASSWORD = "Lua-chin-vang-dong-2026";
	static final String P12_PASSWORD = "KySo-Xa-2026";
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

		// The commune: the link in the text message → the same wizard as a first-run setup (step 1 asks only the villages,
		// the commune being the invitation's) → finish → sign in.
		var message = awaitText(phone);
		var link = LINK.matcher(message);
		assertThat(link.find()).as(message).isTrue();
		var admin = "quantri.j" + fresh.get(0);
		browser.driver().manage().deleteAllCookies(); // another person, on their own device
		var commune = Journey.start(browser, "commune-setup-by-invitation", link.group(1), DESK);
		assertThat(commune.text()).contains("Cài đặt XaSo cho " + first.name(), "Trương Thị Ngọc", "000.00.37.J" + fresh.get(0));
		commune.click("Bắt đầu cài đặt");
		// 1. The commune is the invitation's: only its villages, one typed and the others from the commune's own list.
		assertThat(commune.text()).contains("Thôn, tổ dân phố của " + first.name(), "Tỉnh đã chọn sẵn xã");
		commune.fill("Các thôn, tổ dân phố", "Thôn Đông");
		var villageList = Files.createTempFile("thon-", ".csv");
		Files.writeString(villageList, "STT,Tên thôn, tổ dân phố\n1,Thôn Đoài\n2,Tổ dân phố Nam\n");
		commune.attach("Hoặc chọn tệp danh sách thôn, tổ dân phố (.xlsx, .csv)", villageList);
		commune.click("Lưu và tiếp tục");
		// 2. The administrator: name and phone come from the province's list.
		assertThat(commune.text()).contains("Quản trị viên", "Tạo quản trị viên đầu tiên");
		commune.fill("Tên đăng nhập", admin).fill("Mật khẩu", PASSWORD).fill("Nhập lại mật khẩu", PASSWORD);
		commune.click("Tạo quản trị viên");
		assertThat(communes.states("37").get(fresh.get(0)).state()).isEqualTo(ProvinceCommunes.State.HALF_WAY);
		// 3. The one-stop agency code (from the invitation) and working hours are filled in; the bank account for VietQR.
		commune.choose("Ngân hàng", "Agribank — Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (970405)");
		commune.fill("Số tài khoản", "3300201012345").fill("Tên tài khoản", "UBND XA THU");
		commune.click("Lưu và tiếp tục");
		// 4. The organisation's signing identity: a PKCS#12 made here.
		commune.attach("Tệp chữ ký số", pkcs12(first.name())).fill("Mật khẩu của tệp", P12_PASSWORD).click("Nhập chữ ký số");
		// 5. Officials from the commune's list, checked first.
		commune.attach("Tệp danh sách cán bộ", officials(fresh.get(0))).click("Kiểm tra");
		assertThat(commune.text()).contains("Đã kiểm tra: 2 cán bộ");
		commune.click("Tạo 2 tài khoản");
		assertThat(commune.text()).contains("Đăng nhập lần đầu của motcua.j" + fresh.get(0));
		commune.click("Tiếp tục");
		// 6. Procedures (the national catalogue pre-selected).
		commune.click("Lưu và tiếp tục");
		// 7. Checklist, then finish.
		assertThat(commune.text()).contains("Tài khoản nhận tiền VietQR", "Chữ ký số của cơ quan", "2 cán bộ", admin, "3 thôn/tổ dân phố");
		var halfWay = communes.states("37").get(fresh.get(0));
		assertThat(halfWay.state()).isEqualTo(ProvinceCommunes.State.HALF_WAY);
		assertThat(halfWay.step()).isEqualTo(7);
		commune.click("Hoàn tất cài đặt");
		assertThat(commune.text()).contains("Xã đã sẵn sàng dùng XaSo", "Thử nộp một hồ sơ");
		commune.clickWithin("main", "Đăng nhập");
		commune.fill("Tên đăng nhập", admin);
		commune.fill("Mật khẩu", PASSWORD);
		commune.clickWithin("main", "Đăng nhập");
		assertThat(commune.path()).isEqualTo("/workspace");
		assertThat(commune.text()).contains(first.name());
		int communeScreens = commune.screens();
		commune.assertScreensAtMost(13);

		// The province sees it live on its page.
		browser.driver().manage().deleteAllCookies();
		var back = Journey.start(browser, "province-sees-live", "/signin", DESK);
		back.fill("Tên đăng nhập", "ninhbinh.trienkhai");
		back.fill("Mật khẩu", DemoData.PASSWORD);
		back.clickWithin("main", "Đăng nhập");
		back.click("Các xã trong tỉnh");
		back.fill("Tìm xã", OfficialsFile.fold(first.shortName()));
		back.click("Tìm");
		assertThat(back.text()).contains(first.name(), "Đã hoạt động");
		back.assertScreensAtMost(4);

		assertThat(communes.states("37").get(fresh.get(0)).state()).isEqualTo(ProvinceCommunes.State.LIVE);
		assertThat(communes.states("37").get(fresh.get(1)).state()).isEqualTo(ProvinceCommunes.State.INVITED);
		Files.writeString(Path.of("target", "journeys", "province-onboarding-screens.txt"),
				"province " + provinceScreens + "\ncommune " + communeScreens + "\nprovince again " + back.screens() + "\ntotal "
						+ (provinceScreens + communeScreens + back.screens()) + "\n");
	}

	/** The commune's signing identity as a CA would deliver it: a .p12 file, made here. */
	static Path pkcs12(String commune) throws Exception {
		var file = Files.createTempFile(Path.of("target").toAbsolutePath(), "ubnd-", ".p12");
		Files.write(file, vn.xaso.testing.TestPkcs12.make("UBND " + commune, P12_PASSWORD));
		return file;
	}

	static Path officials(String code) throws Exception {
		var file = Files.createTempFile(Path.of("target").toAbsolutePath(), "can-bo-", ".csv");
		Files.writeString(file, "Họ và tên,Tên đăng nhập,Số điện thoại,Vai trò,Chức vụ\n"
				+ "Lưu Thị Nhàn,motcua.j" + code + ",,một cửa,Công chức Một cửa\n"
				+ "Hồ Văn Tư,tuphap.j" + code + ",,chuyên môn,Công chức Tư pháp - Hộ tịch\n", StandardCharsets.UTF_8);
		return file;
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
