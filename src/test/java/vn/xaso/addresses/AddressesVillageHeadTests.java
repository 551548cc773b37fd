package vn.xaso.addresses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * Issue 16: a village head's address pages hold only the addresses of the village their account is bound to, as the
 * household pages do. The head lists, opens, pins, prints and records in their village; another village's record is
 * 404 (page, pin, plate), a search or {@code ?village=} of another village shows nothing of it, recording into another
 * village — or taking another village's holder into theirs — is refused in Vietnamese with nothing changed, and the
 * commune's reference point is not theirs to move (403). The other village's head sees the other record only; a
 * village head who is also a one-stop officer, and commune staff, see both; another commune 404; anonymous the
 * sign-in page.
 */
@XasoIntegrationTest
class AddressesVillageHeadTests {

	static final String PASSWORD = "Lua-chin-vang-dong-2026";

	@LocalServerPort int port;
	@Autowired Villages villages;
	@Autowired Accounts accounts;
	@Autowired Addresses addresses;

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	AddressRecord record(Village village, String holder, String label, double lat, double lon) {
		return yenMo(() -> addresses.record(new Holder(HolderKind.HOUSEHOLD, holder, DemoData.YEN_MO, village.code()),
				new Addresses.Details(label, "Xóm Giữa, " + village.fullName(), null, lat, lon, null), "test"));
	}

	String account(String username, Village village, Set<Role> roles) {
		yenMo(() -> accounts.create(DemoData.YEN_MO, new Accounts.NewOfficial(username, "Trưởng thôn " + village.name(), "Trưởng thôn",
				null, null, roles, village.code(), PASSWORD)));
		return username;
	}

	Map<String, String> form(String holder, String villageCode, String label) {
		var f = new LinkedHashMap<String, String>();
		f.put("kind", "HOUSEHOLD");
		f.put("holderId", holder);
		f.put("villageCode", villageCode);
		f.put("label", label);
		f.put("addressText", "Cạnh giếng làng");
		f.put("nationalCode", "");
		f.put("lat", "");
		f.put("lon", "");
		f.put("plusCode", "");
		return f;
	}

	@Test
	void aVillageHeadSeesAndRecordsOnlyTheirVillagesAddresses() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var mine = yenMo(() -> villages.create(DemoData.YEN_MO, "Ngõ Trên " + tag, "Xóm"));
		var other = yenMo(() -> villages.create(DemoData.YEN_MO, "Ngõ Dưới " + tag, "Xóm"));
		var ours = record(mine, "vh-a-" + tag, "Nhà bà Trên " + tag, 20.1271, 105.9833);
		var theirs = record(other, "vh-b-" + tag, "Nhà ông Dưới " + tag, 20.1282, 105.9844);
		var head = new WebSession(port).signInOfficial(account("yenmo.dc" + tag, mine, Set.of(Role.VILLAGE_HEAD)), PASSWORD);

		var list = head.get("/addresses");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Nhà bà Trên " + tag, "chỉ có địa chỉ của " + mine.fullName())
			.doesNotContain("Nhà ông Dưới " + tag).doesNotContain(other.fullName()).doesNotContain("/addresses/reference");
		assertThat(head.get("/addresses?village=" + other.code()).body()).doesNotContain("Nhà ông Dưới " + tag);
		assertThat(head.get("/addresses?q=" + theirs.plusCode().substring(0, 8)).body()).doesNotContain("Nhà ông Dưới " + tag);
		assertThat(head.get("/addresses/" + ours.id()).statusCode()).isEqualTo(200);
		assertThat(head.getBytes("/addresses/" + ours.id() + "/plate.pdf").statusCode()).isEqualTo(200);
		assertThat(head.post("/addresses/" + ours.id() + "/pin", Map.of("lat", "20.127200", "lon", "105.983400")).statusCode()).isEqualTo(302);
		assertThat(head.get("/addresses/" + theirs.id()).statusCode()).isEqualTo(404);
		assertThat(head.getBytes("/addresses/" + theirs.id() + "/plate.pdf").statusCode()).isEqualTo(404);
		head.get("/addresses");
		assertThat(head.post("/addresses/" + theirs.id() + "/pin", Map.of("lat", "20.1", "lon", "105.9")).statusCode()).isEqualTo(404);
		assertThat(head.post("/addresses/reference", Map.of("refLat", "20.12", "refLon", "105.98")).statusCode()).isEqualTo(403);

		// recording: into their village yes; into another village, or another village's holder into theirs, no
		head.get("/addresses");
		var intoOther = head.post("/addresses", form("", other.code(), "Nhà lạ " + tag));
		assertThat(intoOther.statusCode()).isEqualTo(400);
		assertThat(intoOther.body()).contains("Bạn chỉ ghi được địa chỉ của thôn mình phụ trách");
		var takeOver = head.post("/addresses", form("vh-b-" + tag, mine.code(), "Nhà ông Dưới " + tag));
		assertThat(takeOver.statusCode()).isEqualTo(400);
		assertThat(takeOver.body()).contains("Bạn chỉ ghi được địa chỉ của thôn mình phụ trách");
		var after = yenMo(() -> addresses.find(DemoData.YEN_MO, theirs.id())).orElseThrow();
		assertThat(after.villageCode()).as("nothing changed").isEqualTo(other.code());
		assertThat(after.addressText()).isEqualTo(theirs.addressText());
		assertThat(yenMo(() -> addresses.search(DemoData.YEN_MO, new Addresses.Search("", "Nhà lạ " + tag, 0, 10))).total()).isZero();
		var own = head.post("/addresses", form("", mine.code(), "Nhà mới " + tag));
		assertThat(own.statusCode()).isEqualTo(302);
		assertThat(head.get("/addresses").body()).contains("Nhà mới " + tag);

		// the other village's head: the other record only
		var otherHead = new WebSession(port).signInOfficial(account("yenmo.dd" + tag, other, Set.of(Role.VILLAGE_HEAD)), PASSWORD);
		assertThat(otherHead.get("/addresses").body()).contains("Nhà ông Dưới " + tag).doesNotContain("Nhà bà Trên " + tag);
		assertThat(otherHead.get("/addresses/" + ours.id()).statusCode()).isEqualTo(404);
		assertThat(otherHead.get("/addresses/" + theirs.id()).statusCode()).isEqualTo(200);
		// a village head who is also a one-stop officer, and commune staff: the whole commune
		var both = new WebSession(port).signInOfficial(account("yenmo.dm" + tag, mine, Set.of(Role.VILLAGE_HEAD, Role.ONE_STOP)), PASSWORD);
		assertThat(both.get("/addresses/" + theirs.id()).statusCode()).isEqualTo(200);
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/addresses?village=" + other.code()).body()).contains("Nhà ông Dưới " + tag);
		assertThat(staff.get("/addresses/" + ours.id()).statusCode()).isEqualTo(200);
		// another commune, anonymous
		assertThat(new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD).get("/addresses/" + ours.id()).statusCode())
			.isEqualTo(404);
		var anonymous = new WebSession(port).get("/addresses/" + ours.id());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/signin");
	}
}
