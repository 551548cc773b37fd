package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.community.Actor;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 16, as people do it: the commune administrator creates a village team and a member account (the member
 * may be a citizen) and gives them a household; the member opens their first-sign-in link on a 360-px phone,
 * chooses a password, signs in and records a visit and a survey for that household. Visible links and buttons
 * only; every screen counted and checked with axe. The offline field app is walked in {@link BrowserCommunityFieldTests}.
 */
@XasoIntegrationTest
class JourneyCommunityTeamTests {

	static final int DESK = 1280;
	/** The whole address as shown to paste into a message (scheme and host included), its path in group 1. */
	static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/setup/welcome/[A-Za-z0-9_-]{32,64})");

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired Villages villages;
	@Autowired RegisteringHousehold registering;

	@Test
	void anAdministratorFormsAVillageTeamAndTheMemberRecordsAVisitAndASurveyOnAPhone() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		// Arranged by code: a village of Yên Mô with one household that agreed to be recorded.
		var village = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> villages.create(DemoData.YEN_MO, "Hành Trình " + tag, "Thôn"));
		Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> registering.register(
				new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null),
				new HouseholdEntry.Input(village.id(), "Đặng Thị Hòa", "1948", null, null, null, "Xóm Đông, " + village.fullName(),
						"Họ tên, năm sinh, địa chỉ, khảo sát", today.toString(), true, false, false)));

		// The administrator, at a desk: workspace → the digital-society card → teams → new team → new member → assign.
		var admin = Journey.start(browser, "community-admin-team", "/signin", DESK);
		admin.fill("Tên đăng nhập", "yenmo.admin");
		admin.fill("Mật khẩu", DemoData.PASSWORD);
		admin.clickWithin("main", "Đăng nhập");
		admin.click("Xã hội số ở thôn");
		admin.click("Tổ công nghệ số cộng đồng");
		admin.fill("Tên tổ", "Tổ công nghệ số thôn Hành Trình " + tag);
		admin.choose("Tổ của thôn nào", village.fullName());
		admin.click("Lập tổ");
		assertThat(admin.text()).contains("Đã lập tổ", village.fullName());
		admin.fill("Họ và tên", "Vũ Minh Châu");
		admin.fill("Tên đăng nhập", "yenmo.tcn" + tag);
		admin.tick("Là tổ trưởng");
		admin.click("Thêm thành viên");
		assertThat(admin.text()).contains("Đã thêm thành viên yenmo.tcn" + tag);
		var link = LINK.matcher(admin.text());
		assertThat(link.find()).as(admin.text()).isTrue();
		admin.tick("Đặng Thị Hòa (1948)");
		admin.click("Giao hộ");
		assertThat(admin.text()).contains("Đã giao 1 hộ", "Vũ Minh Châu", "1 hộ");
		admin.assertScreensAtMost(7);
		browser.signOut();

		// The member, on a 360-px phone, from the link the administrator handed over.
		var member = Journey.start(browser, "community-member-visit", link.group(1));
		member.fill("Mật khẩu", "Lua-chin-vang-dong-2026");
		member.fill("Nhập lại mật khẩu", "Lua-chin-vang-dong-2026");
		member.click("Đặt mật khẩu");
		member.clickWithin("main", "Đăng nhập");
		member.fill("Tên đăng nhập", "yenmo.tcn" + tag);
		member.fill("Mật khẩu", "Lua-chin-vang-dong-2026");
		member.clickWithin("main", "Đăng nhập");
		member.click("Xã hội số ở thôn");
		assertThat(member.text()).contains("Hộ tôi phụ trách", "Đặng Thị Hòa (1948)");
		member.click("Đặng Thị Hòa (1948)");
		member.click("Ghi lần đến thăm");
		member.tick("Cài VNeID");
		member.tick("Hướng dẫn trả tiền bằng mã VietQR");
		member.fill("Kết quả", "Đã cài VNeID cho bà Hòa; hẹn quay lại để kích hoạt mức 2.");
		member.fillDate("Hẹn quay lại", today.plusDays(2));
		member.click("Lưu lần đến thăm");
		assertThat(member.text()).contains("Đã lưu lần đến thăm", "Cài VNeID", "Vũ Minh Châu");
		member.click("Ghi khảo sát");
		member.fill("Số điện thoại thông minh trong hộ", "1");
		member.tick("Mạng di động (3G/4G)");
		member.tick("VNeID mức 2");
		member.tick("Chưa biết cách dùng");
		member.click("Lưu khảo sát");
		assertThat(member.text()).contains("Đã lưu khảo sát", "Mạng di động (3G/4G)");
		member.assertScreensAtMost(10);
	}
}
