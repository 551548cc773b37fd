package vn.xaso.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 16: a village head's account is bound to a village (identity's village of the account) and reads only that
 * village's households — list, full record, adoption by village — and records nothing; the head of another village
 * sees the other household only; a team member sees neither (not assigned); another commune gets 404; anonymous the
 * sign-in page.
 */
@XasoIntegrationTest
class CommunityVillageHeadTests {

	static final String PASSWORD = "Lua-chin-vang-dong-2026";

	@LocalServerPort int port;
	@Autowired Villages villages;
	@Autowired Accounts accounts;
	@Autowired RegisteringHousehold registering;

	final Actor admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	long household(long villageId, String head) {
		return yenMo(() -> registering.register(admin, new HouseholdEntry.Input(villageId, head, "1958", null, null, null, "Xóm Đình",
				"Họ tên, địa chỉ", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), false, false, false)));
	}

	@Test
	void aVillageHeadReadsOnlyTheirVillagesHouseholds() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var mine = yenMo(() -> villages.create(DemoData.YEN_MO, "Đầu Làng " + tag, "Thôn"));
		var other = yenMo(() -> villages.create(DemoData.YEN_MO, "Cuối Làng " + tag, "Thôn"));
		long ours = household(mine.id(), "Vi Thị Đầu " + tag);
		long theirs = household(other.id(), "Vi Văn Cuối " + tag);
		for (var v : new vn.xaso.units.Village[] { mine, other }) {
			yenMo(() -> accounts.create(DemoData.YEN_MO, new Accounts.NewOfficial("yenmo.th" + v.id(), "Trưởng thôn " + v.name(),
					"Trưởng thôn", null, null, Set.of(Role.VILLAGE_HEAD), v.code(), PASSWORD)));
		}
		// identity binds a village head to a village of the commune that exists
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> yenMo(() -> accounts.create(DemoData.YEN_MO, new Accounts.NewOfficial(
				"yenmo.thx" + tag, "Trưởng thôn không thôn", null, null, null, Set.of(Role.VILLAGE_HEAD), DemoData.YEN_MO + "-khong-co",
				PASSWORD)))).isInstanceOf(vn.xaso.identity.AccountException.class).hasMessageContaining("danh sách thôn");
		var head = new WebSession(port).signInOfficial("yenmo.th" + mine.id(), PASSWORD);
		var otherHead = new WebSession(port).signInOfficial("yenmo.th" + other.id(), PASSWORD);

		var list = head.get("/community/households");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Vi Thị Đầu " + tag).doesNotContain("Vi Văn Cuối " + tag)
			.doesNotContain("/community/households/new").doesNotContain(other.fullName());
		assertThat(head.get("/community/households?village=" + other.id()).body()).doesNotContain("Vi Văn Cuối " + tag);
		var record = head.get("/community/households/" + ours);
		assertThat(record.statusCode()).isEqualTo(200);
		assertThat(record.body()).contains("Vi Thị Đầu " + tag).doesNotContain("/surveys/new").doesNotContain("/visits/new");
		assertThat(head.get("/community/households/" + theirs).statusCode()).isEqualTo(404);
		assertThat(head.post("/community/households/" + ours + "/surveys", Map.of("smartphones", "1")).statusCode()).isEqualTo(403);
		assertThat(head.post("/community/households/" + ours + "/address", Map.of()).statusCode()).isEqualTo(403);
		assertThat(head.get("/community/households/new").statusCode()).isEqualTo(403);
		assertThat(head.get("/community/teams").statusCode()).isEqualTo(403);
		var adoption = head.get("/community/adoption");
		assertThat(adoption.statusCode()).isEqualTo(200);
		assertThat(adoption.body()).contains(mine.fullName()).doesNotContain(other.fullName()).doesNotContain("Xem các chỉ số của xã theo thời gian");
		assertThat(head.get("/community").body()).contains("/community/households", "/community/adoption")
			.doesNotContain("/community/trainings");

		// the other village's head: the other household only
		assertThat(otherHead.get("/community/households").body()).contains("Vi Văn Cuối " + tag).doesNotContain("Vi Thị Đầu " + tag);
		assertThat(otherHead.get("/community/households/" + ours).statusCode()).isEqualTo(404);
		assertThat(otherHead.get("/community/households/" + theirs).statusCode()).isEqualTo(200);
		// a team member to whom neither is assigned, another commune, anonymous
		var member = new WebSession(port).signInOfficial("yenmo.congnghe", DemoData.PASSWORD);
		assertThat(member.get("/community/households/" + ours).statusCode()).isEqualTo(404);
		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaAn.get("/community/households/" + ours).statusCode()).isEqualTo(404);
		var anonymous = new WebSession(port).get("/community/households/" + ours);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/signin");
		// the export: the village's lines only, CCCD and phone masked; not for a team member
		var phone = "09" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
		yenMo(() -> registering.register(admin, new HouseholdEntry.Input(mine.id(), "Vi Văn Số " + tag, "1966", "036201012345", null, phone,
				"Xóm Đình", "Họ tên, CCCD, điện thoại", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(), true, false, false)));
		var csv = head.get("/community/households/export.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).contains("Vi Thị Đầu " + tag, "Vi Văn Số " + tag, vn.xaso.platform.PersonalData.maskCccd("036201012345"),
				vn.xaso.platform.PersonalData.maskPhone(phone)).doesNotContain("036201012345").doesNotContain(phone)
			.doesNotContain("Vi Văn Cuối " + tag);
		var xlsx = head.getBytes("/community/households/export.xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		var sheet = vn.xaso.platform.Spreadsheets.firstSheet(xlsx.body(), 1000).orElseThrow();
		assertThat(sheet.getFirst()).contains("Họ tên chủ hộ", "CCCD (che)");
		assertThat(sheet).anySatisfy(row -> assertThat(row).contains("Vi Văn Số " + tag, vn.xaso.platform.PersonalData.maskPhone(phone)));
		assertThat(sheet.toString()).doesNotContain("036201012345").doesNotContain("Vi Văn Cuối " + tag);
		assertThat(member.get("/community/households/export.csv").statusCode()).isEqualTo(403);
		// commune staff still see both, with the household's digital address made at registration
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/community/households?village=" + other.id()).body()).contains("Vi Văn Cuối " + tag);
		assertThat(staff.get("/community/households/" + ours).body()).contains("/addresses/");
	}
}
