package vn.xaso.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.google.openlocationcode.OpenLocationCode;

import vn.xaso.community.internal.PlanningTrainings;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 16, the commune's digital touch points on their page, server-rendered: the administrator adds a cultural house
 * with its place and a post office without one (a latitude alone is refused in Vietnamese, nothing saved); the page lists
 * each point with its village, hours, plus code (or "no place yet") and its coming trainings; a village head reads it
 * (trainings as text, no form), a member gets the trainings' links, a leader may not add a point, another commune sees
 * none of them, anonymous gets the sign-in page. Without a tile server there is no map; with one, the page carries the
 * map over the same-origin tile proxy and a pin for the placed point only.
 */
@XasoIntegrationTest
class CommunityTouchPointsTests {

	@LocalServerPort int port;
	@Autowired Villages villages;
	@Autowired Accounts accounts;
	@Autowired PlanningTrainings trainings;
	@Autowired ConfigurableEnvironment env;

	final Actor admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	@Test
	void theTouchPointsAreListedWithTheirPlaceHoursAndTrainingsAndDrawnOnTheMapWhenTilesAreSet() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Điểm Số " + tag, "Thôn"));
		var house = "Nhà văn hóa " + village.name();
		var post = "Bưu điện Điểm Số " + tag;
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/community/touch-points").body()).contains("Thêm điểm hỗ trợ");
		var added = staff.post("/community/touch-points", Map.of("name", house, "villageId", String.valueOf(village.id()),
				"hours", "Tối thứ Bảy, 19:00–21:00", "latitude", "20.123456", "longitude", "105.987654"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElse("")).contains("/community/touch-points#tp-");
		staff.get("/community/touch-points");
		assertThat(staff.post("/community/touch-points", Map.of("name", post, "villageId", "", "hours", "Sáng thứ Hai đến thứ Sáu"))
			.statusCode()).isEqualTo(302);
		staff.get("/community/touch-points");
		var half = staff.post("/community/touch-points", Map.of("name", "Chỉ vĩ độ " + tag, "hours", "Tối", "latitude", "20.1"));
		assertThat(half.statusCode()).isEqualTo(200);
		assertThat(half.body()).contains("error-summary", "Chỉ vĩ độ " + tag);
		var point = yenMo(() -> trainings.touchPoints(admin)).stream().filter(p -> p.name().equals(house)).findFirst().orElseThrow();
		assertThat(yenMo(() -> trainings.touchPoints(admin))).noneMatch(p -> p.name().equals("Chỉ vĩ độ " + tag));
		var tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
		long training = yenMo(() -> trainings.addTraining(admin, "Cài VNeID mức 2 " + tag, "Lê Văn Tú", tomorrow, point.id()));
		yenMo(() -> trainings.addTraining(admin, "Lớp đã qua " + tag, "Lê Văn Tú", tomorrow.minusDays(3), point.id()));

		var code = OpenLocationCode.encode(20.123456, 105.987654, OpenLocationCode.CODE_PRECISION_NORMAL);
		var page = staff.get("/community/touch-points").body();
		assertThat(page).contains(house, village.fullName(), "Tối thứ Bảy, 19:00–21:00", code, post, "Cả xã", "Chưa ghi vị trí",
				"Cài VNeID mức 2 " + tag, "/community/trainings/" + training).doesNotContain("Lớp đã qua " + tag)
			.doesNotContain("id=\"addresses-map\"").doesNotContain("/webjars/leaflet/");

		yenMo(() -> accounts.create(DemoData.YEN_MO, new Accounts.NewOfficial("yenmo.tp" + tag, "Trưởng thôn Điểm Số",
				"Trưởng thôn", null, null, Set.of(Role.VILLAGE_HEAD), village.code(), "Lua-chin-vang-dong-2026")));
		var headSession = new WebSession(port).signInOfficial("yenmo.tp" + tag, "Lua-chin-vang-dong-2026");
		assertThat(headSession.get("/community").body()).contains("/community/touch-points");
		var headPage = headSession.get("/community/touch-points");
		assertThat(headPage.statusCode()).isEqualTo(200);
		assertThat(headPage.body()).contains(house, code, "Cài VNeID mức 2 " + tag).doesNotContain("/community/trainings/" + training)
			.doesNotContain("Thêm điểm hỗ trợ");
		assertThat(headSession.post("/community/touch-points", Map.of("name", "Trưởng thôn thêm " + tag, "hours", "Tối")).statusCode())
			.isEqualTo(403);
		var member = new WebSession(port).signInOfficial("yenmo.congnghe", DemoData.PASSWORD);
		assertThat(member.get("/community/touch-points").body()).contains(house, "/community/trainings/" + training)
			.doesNotContain("Thêm điểm hỗ trợ");
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(leader.post("/community/touch-points", Map.of("name", "Lãnh đạo thêm " + tag, "hours", "Tối")).statusCode())
			.isEqualTo(403);
		assertThat(new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD).get("/community/touch-points").body())
			.doesNotContain(house).doesNotContain(post);
		var anonymous = new WebSession(port).get("/community/touch-points");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/signin");

		env.getPropertySources().addFirst(new MapPropertySource("touch-points-tiles",
				Map.of("xaso.addresses.tile-url", "http://tiles.invalid/{z}/{x}/{y}.png")));
		try {
			var withMap = staff.get("/community/touch-points").body();
			assertThat(withMap).contains("id=\"addresses-map\"", "data-tiles=\"/addresses/tiles/{z}/{x}/{y}.png\"", "/webjars/leaflet/1.9.4/dist/leaflet",
					"/assets/addresses/map", "id=\"tp-" + point.id() + "\"", "data-lat=\"20.123456\"", "data-lon=\"105.987654\"");
			var postItem = java.util.regex.Pattern.compile("<li class=\"address-item\"([^>]*)>\\s*<h2>" + post + "</h2>").matcher(withMap);
			assertThat(postItem.find()).as(withMap).isTrue();
			assertThat(postItem.group(1)).as("no pin for the point without a place").doesNotContain("data-lat=");
		}
		finally {
			env.getPropertySources().remove("touch-points-tiles");
		}
	}
}
