package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.community.Actor;
import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.community.internal.ReviewingFieldEntries;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * Issue 16, the offline field app in Chromium on a 360-px phone: the member opens their page with signal (the
 * service worker keeps their households' forms), the network is cut (CDP), they record a visit and a survey and
 * see them waiting to send; nothing has reached the server. Meanwhile another device of theirs sends a newer
 * survey of the same household. The network returns: the page sends once (exactly one visit), the older survey
 * is kept for review and listed for the member and the commune; the same client ids posted again (a dropped
 * answer) create nothing; the member keeps the offline survey from the review page. A household not assigned
 * to the member is refused with 403 and a Vietnamese message. Every screen checked with axe. Last, the commune's
 * adoption indicators moved accordingly (households, smartphones, e-payment, visits; the kept offline survey, now
 * the latest, takes e-payment away again), the offline visit is linked to the dossier the member had submitted with
 * help (its code typed on the phone), the household's digital address gets a plus code when the member pins
 * it, its door plate PDF is printed, and the address-code indicator moves by one.
 */
@XasoIntegrationTest
class BrowserCommunityFieldTests {

	static final String PASSWORD = "Lua-chin-vang-dong-2026";

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort int port;
	@Autowired Villages villages;
	@Autowired FormingTeams teams;
	@Autowired RegisteringHousehold registering;
	@Autowired ReviewingFieldEntries reviewing;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate tx;
	@Autowired vn.xaso.insights.Indicators indicators;
	@Autowired vn.xaso.dossiers.Dossiers dossiers;
	@Autowired vn.xaso.community.internal.PlanningTrainings trainings;
	@Autowired org.springframework.core.env.ConfigurableEnvironment env;

	final Actor admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	/** The commune's numerator (index 0) and denominator (1) of an adoption indicator since the start of the year. */
	long[] figure(String code) {
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var v = yenMo(() -> indicators.value(indicators.find(code).orElseThrow(), DemoData.YEN_MO, today.withDayOfYear(1), today));
		return new long[] { v.numerator().longValueExact(), v.denominator() == null ? 0 : v.denominator().longValueExact() };
	}

	Map<String, long[]> adoption() {
		var all = new java.util.HashMap<String, long[]>();
		for (var code : List.of("HOUSEHOLD_SMARTPHONE", "HOUSEHOLD_E_PAYMENT", "HOUSEHOLD_ADDRESS_CODE", "COMMUNITY_VISITS_PER_MEMBER")) {
			all.put(code, figure(code));
		}
		return all;
	}

	long count(String sql, long household) {
		return yenMo(() -> tx.execute(s -> jdbc.sql(sql).param(household).query(Long.class).single()));
	}

	@Test
	void aMemberRecordsWithoutSignalAndItIsSentOnceWithTheConflictKeptForReview() throws Exception {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		// Arranged by code: a village team, a member with a password, two households of which one is theirs.
		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Mất Sóng " + tag, "Thôn"));
		long teamId = yenMo(() -> teams.createTeam(admin, "Tổ mất sóng " + tag, village.id()));
		var added = yenMo(() -> teams.addMember(admin, teamId, "yenmo.ms" + tag, "Hà Văn Sóng", null, false));
		long mine = yenMo(() -> registering.register(admin, new HouseholdEntry.Input(village.id(), "Triệu Thị Mây", "1950", null,
				null, null, "Xóm Núi, " + village.fullName(), "Họ tên, địa chỉ, khảo sát", today.toString(), true, false, false)));
		long notMine = yenMo(() -> registering.register(admin, new HouseholdEntry.Input(village.id(), "Triệu Văn Gió", "1961", null,
				null, null, "Xóm Suối, " + village.fullName(), "Họ tên, địa chỉ", today.toString(), false, false, false)));
		yenMo(() -> teams.assign(admin, added.memberId(), List.of(mine)));
		// Earlier, with signal, the member submitted a birth registration for the household with help.
		var assisted = dossiers.submit(vn.xaso.dossiers.Caller.official(DemoData.YEN_MO, added.username(), "Hà Văn Sóng",
				Set.of(Role.COMMUNITY_TEAM)), new vn.xaso.dossiers.NewDossier(DemoData.YEN_MO, vn.xaso.dossiers.DossierFixtures.BIRTH,
				vn.xaso.dossiers.Channel.ASSISTED, vn.xaso.dossiers.DossierFixtures.citizenId(jdbc, "0988000003"),
				vn.xaso.dossiers.DossierFixtures.applicant("0988000003"), vn.xaso.dossiers.DossierFixtures.birthForm("Triệu Gia " + tag),
				vn.xaso.dossiers.DossierFixtures.consent()), vn.xaso.dossiers.DossierFixtures.papers());
		var before = new java.util.concurrent.atomic.AtomicReference<Map<String, long[]>>();
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			before.set(adoption());
			assertThat(before.get().get("HOUSEHOLD_SMARTPHONE")[1]).as("both households counted")
				.isEqualTo(yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from community_household where unit_code = ?")
					.param(DemoData.YEN_MO).query(Long.class).single())));
		});
		var phoneB = new WebSession(port);
		phoneB.get(added.link());
		phoneB.post(added.link(), Map.of("password", PASSWORD, "passwordAgain", PASSWORD));
		phoneB.signInOfficial(added.username(), PASSWORD);

		// With signal: the member's page keeps the forms of their household on the phone.
		browser.signIn(added.username(), PASSWORD);
		var walk = Journey.start(browser, "community-field-offline", "/community");
		var driver = browser.driver();
		var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the page reloads itself after a send
		wait.until(d -> driver.executeScript("return document.documentElement.getAttribute('data-field-kept');") != null);
		assertThat(driver.executeScript("return document.documentElement.getAttribute('data-field-kept');")).isNotEqualTo("failed");

		String queued;
		try {
			network(false);
			// A change on the server the phone cannot know of: the forms below must come from the phone's copy.
			yenMo(() -> tx.execute(s -> jdbc.sql("update community_household set head_name = 'Triệu Thị Mây Mới' where id = ?")
				.param(mine).update()));
			walk.click("Ghi lần đến thăm");
			assertThat(browser.bodyText()).as("the phone's copy").contains("Triệu Thị Mây").doesNotContain("Mây Mới");
			walk.tick("Cài VNeID");
			walk.tick("Giúp nộp hồ sơ trực tuyến");
			walk.fill("Kết quả", "Đã cài VNeID cho bà Mây khi không có sóng.");
			walk.fill("Mã hồ sơ đã nộp giúp (nếu có)", assisted.code());
			walk.click("Lưu lần đến thăm");
			assertThat(browser.bodyText()).contains("Đã giữ trên điện thoại, chờ gửi", "Chờ gửi (1)", "Lần đến thăm — Triệu Thị Mây",
					"hồ sơ " + assisted.code());
			walk.click("Ghi khảo sát");
			walk.fill("Số điện thoại thông minh trong hộ", "1");
			walk.tick("Mạng di động (3G/4G)");
			walk.tick("Chưa biết cách dùng");
			walk.click("Lưu khảo sát");
			assertThat(browser.bodyText()).contains("Chờ gửi (2)", "Khảo sát — Triệu Thị Mây");
			assertThat(count("select count(*) from community_visit where household_id = ?", mine)).as("nothing sent yet").isZero();
			queued = (String) driver.executeScript("return localStorage.getItem('xaso.field.queue." + added.username() + "');");

			// Meanwhile the member's other phone sends a newer survey of the same household.
			var newer = phoneB.send("POST", "/community/sync", "application/json", "application/json", ("""
					{"device":"%s","entries":[{"clientId":"%s","kind":"survey","household":%d,"base":0,"surveyedOn":"%s",
					"smartphones":"3","internet":"FIBRE","ePayment":true,"vneidLevel2":true,"usesApp":true,"inZaloGroup":true,
					"mainBarrier":"NONE"}]}""").formatted(UUID.randomUUID(), UUID.randomUUID(), mine, today).getBytes(StandardCharsets.UTF_8));
			assertThat(newer.statusCode()).as(newer.body()).isEqualTo(200);
			assertThat(newer.body()).contains("\"saved\"");
		}
		finally {
			network(true);
		}
		// Back online: the page sends by itself, once.
		wait.until(d -> browser.bodyText().contains("Đã gửi 1 mục lên xã"));
		assertThat(browser.bodyText()).contains("1 khảo sát cần xem lại", "Có 1 khảo sát cần xem lại").doesNotContain("Chờ gửi (");
		browser.check("community-field-sent");
		assertThat(count("select count(*) from community_visit where household_id = ?", mine)).isEqualTo(1);
		assertThat(count("select count(*) from community_visit where household_id = ? and dossier_id = " + assisted.dossierId(), mine))
			.as("the offline visit linked to the dossier submitted with help").isEqualTo(1);
		assertThat(count("select count(*) from community_survey where household_id = ?", mine)).as("the other phone's only").isEqualTo(1);
		// The commune's adoption indicators: one visit more, and the other phone's survey (3 smartphones, e-payment).
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var now = adoption();
			assertThat(now.get("COMMUNITY_VISITS_PER_MEMBER")[0] - before.get().get("COMMUNITY_VISITS_PER_MEMBER")[0]).isEqualTo(1);
			assertThat(now.get("HOUSEHOLD_SMARTPHONE")[0] - before.get().get("HOUSEHOLD_SMARTPHONE")[0]).isEqualTo(1);
			assertThat(now.get("HOUSEHOLD_E_PAYMENT")[0] - before.get().get("HOUSEHOLD_E_PAYMENT")[0]).isEqualTo(1);
			assertThat(now.get("HOUSEHOLD_SMARTPHONE")[1]).isEqualTo(before.get().get("HOUSEHOLD_SMARTPHONE")[1]);
		});

		// The answer was lost on the way back: the phone sends the same entries again. Nothing new is saved.
		var again = (String) driver.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var entries = JSON.parse(arguments[0]).map(function (e) { delete e.head; return e; });
				fetch('/community/sync', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json',
				  'X-CSRF-TOKEN': document.getElementById('field').getAttribute('data-field-csrf') },
				  body: JSON.stringify({ device: localStorage.getItem('xaso.field.device'), entries: entries }) })
				  .then(function (r) { return r.text(); }).then(done, function (e) { done('failed ' + e); });""", queued);
		assertThat(again).contains("\"already_saved\"", "\"kept_for_review\"").doesNotContain("\"saved\"");
		assertThat(count("select count(*) from community_visit where household_id = ?", mine)).isEqualTo(1);
		assertThat(count("select count(*) from community_survey where household_id = ?", mine)).isEqualTo(1);
		assertThat(count("select count(*) from community_field_entry where household_id = ?", mine)).isEqualTo(3);

		// Kept for review, listed for the commune as well, never dropped.
		assertThat(yenMo(() -> reviewing.waiting(admin))).anyMatch(w -> w.householdId() == mine && w.newer() != null
				&& w.newer().smartphones() == 3 && w.offline().smartphones() == 1);
		walk.click("Có 1 khảo sát cần xem lại");
		assertThat(browser.bodyText()).contains("Triệu Thị Mây", "Bản ghi khi mất sóng", "Bản mới hơn đã có");
		walk.click("Giữ bản ghi khi mất sóng");
		assertThat(browser.bodyText()).contains("Đã thêm khảo sát vào lịch sử của hộ", "Không có khảo sát nào cần xem lại");
		assertThat(count("select count(*) from community_survey where household_id = ?", mine)).isEqualTo(2);
		walk.assertScreensAtMost(8);
		// The kept offline survey is now the household's latest: one smartphone still, no e-payment account.
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			var now = adoption();
			assertThat(now.get("HOUSEHOLD_SMARTPHONE")[0] - before.get().get("HOUSEHOLD_SMARTPHONE")[0]).isEqualTo(1);
			assertThat(now.get("HOUSEHOLD_E_PAYMENT")[0]).isEqualTo(before.get().get("HOUSEHOLD_E_PAYMENT")[0]);
		});

		// The household's digital address: pinned by the member, it gets a plus code and a door plate.
		var page = phoneB.get("/community/households/" + mine).body();
		var address = java.util.regex.Pattern.compile("href=\"/addresses/([0-9]+)\"").matcher(page);
		assertThat(address.find()).as(page).isTrue();
		assertThat(page).doesNotContain("plate.pdf");
		assertThat(phoneB.get("/addresses/" + address.group(1)).statusCode()).isEqualTo(200);
		assertThat(phoneB.post("/addresses/" + address.group(1) + "/pin", Map.of("lat", "20.112233", "lon", "105.998877")).statusCode())
			.isEqualTo(302);
		assertThat(phoneB.get("/community/households/" + mine).body()).contains("/addresses/" + address.group(1) + "/plate.pdf");
		var plate = phoneB.getBytes("/addresses/" + address.group(1) + "/plate.pdf");
		assertThat(plate.statusCode()).isEqualTo(200);
		assertThat(new String(plate.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				adoption().get("HOUSEHOLD_ADDRESS_CODE")[0] - before.get().get("HOUSEHOLD_ADDRESS_CODE")[0]).isEqualTo(1));
		var dashboard = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD).get("/insights/" + DemoData.YEN_MO);
		assertThat(dashboard.body()).contains("Hộ có điện thoại thông minh", "Hộ có mã địa chỉ số");

		// A household not assigned to the member: refused, in Vietnamese, nothing saved.
		var refused = phoneB.send("POST", "/community/sync", "application/json", "application/json", ("""
				{"device":"%s","entries":[{"clientId":"%s","kind":"visit","household":%d,"visitedAt":"%sT08:00",
				"actions":["OTHER"],"outcome":"Thử"}]}""").formatted(UUID.randomUUID(), UUID.randomUUID(), notMine, today)
			.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("không do bạn phụ trách");
		assertThat(count("select count(*) from community_visit where household_id = ?", notMine)).isZero();

		// Signing out clears the phone's copy, but never an entry still waiting without saying so first.
		try {
			network(false);
			walk.click("Xã hội số ở thôn");
			walk.click("Ghi lần đến thăm");
			walk.tick("Việc khác");
			walk.fill("Kết quả", "Hẹn tuần sau quay lại.");
			walk.click("Lưu lần đến thăm");
			assertThat(browser.bodyText()).contains("Chờ gửi (1)");
			walk.press("Đăng xuất");
			var question = driver.switchTo().alert();
			assertThat(question.getText()).contains("Còn 1 mục chưa gửi");
			question.dismiss();
			assertThat(browser.bodyText()).as("still signed in, the entry kept").contains("Chờ gửi (1)");
		}
		finally {
			network(true);
		}
		wait.until(d -> browser.bodyText().contains("Đã gửi 1 mục lên xã"));
		assertThat(count("select count(*) from community_visit where household_id = ?", mine)).isEqualTo(2);
		walk.click("Đăng xuất");
		assertThat(browser.path()).doesNotStartWith("/community");
		assertThat(driver.executeScript("return localStorage.getItem('xaso.field.queue." + added.username() + "');")).isNull();
		var kept = (String) driver.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				caches.keys().then(function (k) { done(k.join(',')); }, function (e) { done('failed ' + e); });""");
		assertThat(kept).doesNotContain("xaso-field").doesNotContain("failed");
	}

	/**
	 * The commune's digital touch points on a 360-px phone, as a village head opens them from their start page: each
	 * point with its hours and plus code, read without sideways scrolling, and drawn as pins on the map (tiles through
	 * the same-origin proxy); axe on the screen.
	 */
	@Test
	void aVillageHeadReadsTheTouchPointsAndTheirMapOnAPhone() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		yenMo(() -> trainings.addTouchPoint(admin, "Nhà văn hóa Bản Đồ " + tag, null, "Tối thứ Bảy, 19:00–21:00",
				new java.math.BigDecimal("20.124100"), new java.math.BigDecimal("105.981200")));
		yenMo(() -> trainings.addTouchPoint(admin, "Bưu điện Bản Đồ " + tag, null, "Sáng thứ Hai đến thứ Sáu",
				new java.math.BigDecimal("20.129900"), new java.math.BigDecimal("105.987700")));
		env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("touch-points-tiles",
				Map.of("xaso.addresses.tile-url", "http://localhost:" + port + "/assets/icons/icon-192.png?z={z}&x={x}&y={y}")));
		try {
			browser.signIn("yenmo.truongthon", DemoData.PASSWORD);
			var walk = Journey.start(browser, "community-touch-points", "/community");
			walk.click("Điểm hỗ trợ số");
			assertThat(browser.bodyText()).contains("Nhà văn hóa Bản Đồ " + tag, "Tối thứ Bảy, 19:00–21:00",
					com.google.openlocationcode.OpenLocationCode.encode(20.1241, 105.9812, 10), "Bưu điện Bản Đồ " + tag);
			var driver = browser.driver();
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) driver.executeScript(
					"return document.getElementById('addresses-map').hidden ? 0 : document.querySelectorAll('#addresses-map .leaflet-marker-icon').length;"))
				.intValue() >= 2);
			long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
			assertThat(scrollWidth).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
			browser.check("community-touch-points-360");
			walk.assertScreensAtMost(2);
			browser.signOut();
		}
		finally {
			env.getPropertySources().remove("touch-points-tiles");
		}
	}

	private String workerSession;

	/**
	 * Cuts or restores the network of the page and of the field app's service worker: the page's CDP session does
	 * not reach the worker's own fetches, so the worker's target gets the same emulation through a session of its
	 * own, which is detached again when the network returns (a session's emulation ends with it).
	 */
	@SuppressWarnings("unchecked")
	private void network(boolean on) {
		var driver = browser.driver();
		var conditions = Map.<String, Object>of("offline", !on, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
		if (on) {
			if (workerSession != null) {
				try {
					driver.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", workerSession, "message",
							"{\"id\":3,\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":false,\"latency\":0,"
									+ "\"downloadThroughput\":-1,\"uploadThroughput\":-1}}"));
					driver.executeCdpCommand("Target.detachFromTarget", Map.of("sessionId", workerSession));
				}
				catch (RuntimeException gone) {
					// the session ended with the worker or the page: its emulation ended with it
				}
				workerSession = null;
			}
			return;
		}
		var targets = (List<Map<String, Object>>) driver.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
		var worker = targets.stream().filter(t -> "service_worker".equals(t.get("type")) && String.valueOf(t.get("url")).endsWith("/community/sw.js"))
			.findFirst().orElseThrow(() -> new AssertionError("the field service worker runs: " + targets));
		workerSession = (String) driver.executeCdpCommand("Target.attachToTarget", Map.of("targetId", worker.get("targetId"), "flatten", false))
			.get("sessionId");
		driver.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", workerSession,
				"message", "{\"id\":1,\"method\":\"Network.enable\",\"params\":{}}"));
		driver.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", workerSession, "message",
				"{\"id\":2,\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":true,\"latency\":0,"
						+ "\"downloadThroughput\":-1,\"uploadThroughput\":-1}}"));
	}
}
