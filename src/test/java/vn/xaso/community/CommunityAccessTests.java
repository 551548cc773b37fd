package vn.xaso.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Over HTTP: a member reaches only the households assigned to them (another member and another commune get
 * 404, anonymous the sign-in page), the new-household form is idempotent under a double submit, and a
 * duplicate is refused with its Vietnamese message (English with ?lang=en), as is a member's refused account.
 */
@XasoIntegrationTest
class CommunityAccessTests {

	@LocalServerPort int port;
	@Autowired Villages villages;
	@Autowired FormingTeams teams;
	@Autowired RegisteringHousehold registering;
	@Autowired ReadingHouseholds reading;

	final Actor admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	WebSession member(String link, String username) {
		var session = new WebSession(port);
		session.get(link);
		var done = session.post(link, Map.of("password", "Lua-chin-vang-dong-2026", "passwordAgain", "Lua-chin-vang-dong-2026"));
		assertThat(done.statusCode()).isEqualTo(200);
		return session.signInOfficial(username, "Lua-chin-vang-dong-2026");
	}

	@Test
	void aMemberSeesOnlyTheirHouseholdsAnotherMemberAnotherCommuneAndAnonymousNothing() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Truy Cập " + tag, "Thôn"));
		long teamId = yenMo(() -> teams.createTeam(admin, "Tổ truy cập " + tag, village.id()));
		var a = yenMo(() -> teams.addMember(admin, teamId, "yenmo.tca" + tag, "Lò Văn A", null, false));
		var b = yenMo(() -> teams.addMember(admin, teamId, "yenmo.tcb" + tag, "Lò Văn B", null, false));
		long household = yenMo(() -> registering.register(admin, new HouseholdEntry.Input(village.id(), "Lò Thị Xuân", "1955",
				null, null, null, "Bản Truy Cập", "Họ tên và địa chỉ", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
				false, false, false)));
		yenMo(() -> teams.assign(admin, a.memberId(), List.of(household)));
		var path = "/community/households/" + household;

		var first = member(a.link(), a.username());
		assertThat(first.get(path).body()).contains("Lò Thị Xuân", "Ghi lần đến thăm");
		assertThat(first.get("/community/households").body()).contains("Lò Thị Xuân");
		assertThat(first.get(path + "/visits/new").statusCode()).isEqualTo(200);

		var second = member(b.link(), b.username());
		assertThat(second.get(path).statusCode()).isEqualTo(404);
		assertThat(second.get(path + "/visits/new").statusCode()).isEqualTo(404);
		assertThat(second.post(path + "/surveys", Map.of("surveyedOn", "2026-01-01", "smartphones", "1", "internet", "FIBRE",
				"mainBarrier", "NONE")).statusCode()).isEqualTo(404);
		assertThat(second.get("/community/households").body()).doesNotContain("Lò Thị Xuân");

		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(ngaAn.get(path).statusCode()).isEqualTo(404);
		var anonymous = new WebSession(port).get(path);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/signin");
	}

	@Test
	void theNewHouseholdFormIsIdempotentAndADuplicateIsRefusedInPlainWords() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Hai Lần " + tag, "Thôn"));
		var session = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		session.get("/community/households/new");
		var form = Map.of("villageId", String.valueOf(village.id()), "headName", "Tạ Văn Đông", "headBirthYear", "1970",
				"address", "Xóm 3", "consentWhat", "Họ tên, năm sinh, địa chỉ",
				"consentOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
		var once = session.post("/community/households", form);
		var twice = session.post("/community/households", form);
		assertThat(once.statusCode()).isEqualTo(302);
		assertThat(twice.statusCode()).isEqualTo(302);
		assertThat(twice.headers().firstValue("Location")).isEqualTo(once.headers().firstValue("Location"));
		assertThat(yenMo(() -> reading.list(admin, village.id(), "", 0, 10)).total()).isEqualTo(1);

		// the same household typed again on a fresh form: refused, in Vietnamese, nothing saved
		session.get("/community/households/new");
		var again = session.post("/community/households", Map.of("villageId", String.valueOf(village.id()), "headName",
				"ta van dong", "headBirthYear", "1970", "address", "Xóm 3", "consentWhat", "Họ tên",
				"consentOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString()));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("Hộ này đã có: cùng chủ hộ, cùng năm sinh, cùng thôn.");
		var english = session.post("/community/households?lang=en", Map.of("villageId", "", "headName", "", "headBirthYear", "19",
				"address", "x", "consentWhat", "", "consentOn", ""));
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Choose a village of the commune", "Write the head of household",
				"Without consent nothing about the household may be kept");
		// a tampered village id is refused, not a server error
		var tampered = session.post("/community/households", Map.of("villageId", "abc", "headName", "Tạ Văn Tây"));
		assertThat(tampered.statusCode()).isEqualTo(200);
		assertThat(tampered.body()).contains("This value is not valid"); // the language chosen above stays
		assertThat(yenMo(() -> reading.list(admin, village.id(), "", 0, 10)).total()).isEqualTo(1);
	}

	@Test
	void aRefusedMemberAccountIsExplainedInTheReadersLanguage() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Tài Khoản " + tag, "Thôn"));
		long teamId = yenMo(() -> teams.createTeam(admin, "Tổ tài khoản " + tag, village.id()));
		var session = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var path = "/community/teams/" + teamId;
		session.get(path);
		var vietnamese = session.post(path + "/members", Map.of("username", "Sai tên!", "fullName", "Lò Văn Tài"));
		assertThat(vietnamese.statusCode()).isEqualTo(200);
		assertThat(vietnamese.body()).contains("Tên đăng nhập gồm 3–40 ký tự");
		session.get(path + "?lang=en");
		var english = session.post(path + "/members?lang=en", Map.of("username", "Sai tên!", "fullName", "Lò Văn Tài"));
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("A username has 3–40 characters").doesNotContain("Tên đăng nhập gồm");
		assertThat(yenMo(() -> teams.team(admin, teamId)).orElseThrow().members()).isEmpty();
	}
}
