package vn.xaso.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.setup.internal.ProvinceCommunes.State;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Units;

/**
 * Issue 13, province onboarding on the demo instance (Tỉnh Ninh Bình, 37; its onboarding administrator
 * ninhbinh.trienkhai): the dry run's Vietnamese row errors, the import creating invitations and sending the
 * links, confirming twice, the communes' states along the setup, and provinces kept apart.
 */
@XasoIntegrationTest
class ProvinceOnboardingTests {

	static final String PASSWORD = "XaSo-2026-demo";
	static final String NINH_BINH = "37";
	static final Pattern LINK = Pattern.compile("/setup/commune/([A-Za-z0-9_-]{43})");

	@LocalServerPort int port;
	@Autowired ProvinceOnboarding onboarding;
	@Autowired ProvinceCommunes communes;
	@Autowired ProvinceSetupCommand command;
	@Autowired SetupSteps steps;
	@Autowired Accounts accounts;
	@Autowired Units units;
	@Autowired vn.xaso.units.Villages villages;
	@Autowired DemoTextMessages texts;
	@Autowired JdbcClient jdbc;
	@Autowired org.springframework.transaction.support.TransactionTemplate tx;

	/** Communes of Ninh Bình nobody has touched yet (each test takes its own). */
	List<String> fresh(int n) {
		return communes.states(NINH_BINH).values().stream().filter(c -> c.state() == State.NOT_STARTED)
			.map(ProvinceCommunes.CommuneState::code).sorted().limit(n).toList();
	}

	static String phone() {
		return "0986" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000));
	}

	static byte[] csv(String... rows) {
		return ("Mã xã;Mã cơ quan một cửa;Họ và tên quản trị;Số điện thoại;Thư điện tử\n" + String.join("\n", rows) + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	WebSession province() {
		return new WebSession(port).signInOfficial("ninhbinh.trienkhai", PASSWORD);
	}

	/** The latest text to this phone (the outbox delivers it right after the commit, on another thread). */
	String text(String phone) {
		return text(phone, null);
	}

	String text(String phone, String notThis) {
		long until = System.nanoTime() + 15_000_000_000L;
		while (System.nanoTime() < until) {
			var latest = texts.latestFor(phone);
			if (latest.isPresent() && !latest.get().equals(notThis)) {
				return latest.get();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("No new text message to " + phone);
	}

	long invites(String commune) {
		return jdbc.sql("select count(*) from province_invite where commune_code = ?").param(commune).query(Long.class).single();
	}

	@Test
	void theDryRunListsEveryRowProblemInVietnameseAndInvitesNobody() {
		var ok = fresh(1).get(0);
		var session = province();
		var checked = session.upload("/province/onboarding/check", Map.of(), "file", "xa.csv", csv(
				ok + ";000.00.37.T01;Nguyễn Văn An;0912 345 678;",
				"99999;000.00.37.T02;Trần Thị Bình;0912345679;",
				"16144;000.00.37.T03;Lê Văn Cường;0912345670;",
				ok + ";000.00.37.T04;Phạm Thị Dung;0912345671;",
				"14701;000.00.37.T05;Hoàng Văn Em;0912345672;",
				fresh(2).get(1) + ";000.00.37.T06;Vũ Thị Gấm;12345;gam@"));
		assertThat(checked.statusCode()).isEqualTo(302);
		var page = session.get(checked.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("5 dòng có lỗi", "chưa gửi lời mời nào",
				"Không có xã nào mã 99999",
				"Xã Nga An thuộc Tỉnh Thanh Hóa, không thuộc Tỉnh Ninh Bình",
				"Trùng với dòng 2 (cùng mã xã " + ok + ")",
				"Xã Yên Mô đã hoạt động trên XaSo",
				"Số điện thoại \"12345\" không đúng",
				"Thư điện tử \"gam@\" không đúng")
			.doesNotContain("Gửi lời mời đến");
		assertThat(invites(ok)).isZero();

		// A file that is not a list at all.
		assertThat(session.upload("/province/onboarding/check", Map.of(), "file", "xa.pdf", new byte[] { 1 }).body())
			.contains("Chỉ nhận tệp .csv hoặc .xlsx.");
		assertThat(session.upload("/province/onboarding/check", Map.of(), "file", "xa.csv",
				"Tên;Tuổi\nA;1\n".getBytes(StandardCharsets.UTF_8)).body()).contains("Dòng đầu của tệp phải là tên cột");
	}

	@Test
	void confirmingInvitesEachCommuneOnceAndSendsItsLink() {
		var two = fresh(2);
		var phoneA = phone();
		var phoneB = "0977" + phoneA.substring(4);
		var session = province();
		var checked = session.upload("/province/onboarding/check", Map.of(), "file", "xa.csv", csv(
				two.get(0) + ";000.00.37.A" + two.get(0) + ";Đặng Thị Hoa;" + phoneA + ";hoa@example.vn",
				two.get(1) + ";000.00.37.B" + two.get(1) + ";Ngô Văn Khôi;" + phoneB + ";"));
		var path = checked.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		var page = session.get(path);
		assertThat(page.body()).contains("Tất cả 2 dòng đều đúng", "Gửi lời mời đến 2 xã");
		assertThat(invites(two.get(0)) + invites(two.get(1))).isZero();

		// Double submit: the same form twice gets the same answer, and each commune one invitation.
		var first = session.post(path + "/confirm", Map.of());
		var second = session.post(path + "/confirm", Map.of());
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		var hash = jdbc.sql("select token_hash from province_invite where commune_code = ?").param(two.get(0)).query(String.class).single();
		var smsA = text(phoneA);
		// Confirming the same checked list again through the service changes nothing either.
		var id = Long.parseLong(path.replaceAll(".*/", ""));
		assertThat(onboarding.confirm(NINH_BINH, "ninhbinh.trienkhai", id).already()).isTrue();
		assertThat(jdbc.sql("select token_hash from province_invite where commune_code = ?").param(two.get(0)).query(String.class).single())
			.isEqualTo(hash);
		assertThat(texts.latestFor(phoneA)).contains(smsA);
		assertThat(session.get(path).body()).contains("Đã gửi lời mời cài đặt đến 2 xã", "đã được gửi lời mời")
			.doesNotContain("Gửi lời mời đến");
		assertThat(session.get(path).body()).contains("đã được gửi lời mời").doesNotContain("Đã gửi lời mời cài đặt đến");

		// The links: by text to both, by e-mail (notify outbox) to the one with an address.
		var tokenA = LINK.matcher(smsA);
		assertThat(tokenA.find()).isTrue();
		assertThat(SetupTokens.hash(tokenA.group(1))).isEqualTo(hash);
		assertThat(text(phoneB)).containsPattern(LINK.pattern());
		Long emails = Tenancy.callAs(UnitScope.of(NINH_BINH), () -> tx.execute(s -> jdbc.sql(
				"select count(*) from notify_delivery where unit_code = ? and dedupe_key = ? and channel = 'EMAIL' and address = ?")
			.params(NINH_BINH, InvitationSender.dedupeKey(two.get(0), hash), "hoa@example.vn").query(Long.class).single()));
		assertThat(emails).isEqualTo(1L);
		var states = communes.states(NINH_BINH);
		assertThat(states.get(two.get(0)).state()).isEqualTo(State.INVITED);
		assertThat(states.get(two.get(1)).state()).isEqualTo(State.INVITED);
	}

	@Test
	void aCommuneRunsTheWholeWizardFromItsLinkSavedPerCommuneAndResumedAfterACrash() {
		var commune = fresh(1).get(0);
		var name = units.find(commune).orElseThrow().name();
		var phone = phone();
		var id = onboarding.check(NINH_BINH, "ninhbinh.trienkhai", "xa.csv", csv(commune + ";000.00.37.L" + commune + ";Lý Thị Mai;" + phone + ";"));
		onboarding.confirm(NINH_BINH, "ninhbinh.trienkhai", id);
		var link = LINK.matcher(text(phone));
		assertThat(link.find()).isTrue();
		var path = link.group();
		var token = link.group(1);
		var wizard = "/setup/" + token;

		var person = new WebSession(port);
		var opened = person.get(path);
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).contains("Cài đặt XaSo cho " + name, "Lý Thị Mai", "000.00.37.L" + commune, "Bắt đầu cài đặt",
				"href=\"" + wizard + "/1\"", "chỉ cần nhập các thôn, tổ dân phố");
		// Step 1: the commune is the invitation's (no search, not changeable); its villages typed or pasted from a list.
		assertThat(person.get(wizard + "/2").headers().firstValue("Location").orElse("")).endsWith(wizard + "/1");
		var villagesPage = person.get(wizard + "/1");
		assertThat(villagesPage.statusCode()).isEqualTo(200);
		assertThat(villagesPage.body()).contains("Thôn, tổ dân phố của " + name, "Các thôn, tổ dân phố", "Mỗi dòng một thôn",
				"Hoặc chọn tệp danh sách thôn")
			.doesNotContain("Tên xã, phường");
		var elsewhere = person.post(wizard + "/1", Map.of("unit", "14701", "villages", "Thôn Lạ"));
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(elsewhere.body()).contains("Xã đã được tỉnh chọn theo lời mời");
		assertThat(villageNames(commune)).doesNotContain("Lạ");
		// One typed, the others from the commune's own list (a header and a row-number column, one name repeated).
		var villagesSaved = person.upload(wizard + "/1", Map.of("unit", commune, "villages", "Thôn Đông Hà"), "villagesFile", "thon.csv",
				"STT,Tên thôn\n1,Tổ dân phố Bắc Sơn\n2,Thôn Đông Hà\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(villagesSaved.statusCode()).isEqualTo(302);
		assertThat(villagesSaved.headers().firstValue("Location").orElse("")).endsWith(wizard + "/2");
		assertThat(villageNames(commune)).containsExactlyInAnyOrder("Đông Hà", "Bắc Sơn");
		assertThat(jdbc.sql("select villages from setup_state where commune_invite and unit_code = ?").param(commune)
			.query(String.class).single()).isEqualTo("Thôn Đông Hà\nTổ dân phố Bắc Sơn");
		assertThat(communes.states(NINH_BINH).get(commune).state()).isEqualTo(State.INVITED);
		// Saved again (back from step 2): nothing twice.
		assertThat(person.post(wizard + "/1", Map.of("unit", commune, "villages", "Thôn Đông Hà\nTổ dân phố Bắc Sơn")).statusCode())
			.isEqualTo(302);
		assertThat(villageNames(commune)).hasSize(2);
		// Step 2 has the province's name and phone, and a way back to step 1.
		var adminPage = person.get(wizard + "/2").body();
		assertThat(adminPage).contains("Lý Thị Mai", "href=\"" + wizard + "/1\"");
		var weak = person.post(wizard + "/2", Map.of("fullName", "Lý Thị Mai", "username", "quantri." + commune, "password", "ngan",
				"passwordAgain", "ngan", "phone", phone));
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(communes.states(NINH_BINH).get(commune).state()).isEqualTo(State.INVITED);
		var created = person.post(wizard + "/2", Map.of("fullName", "Lý Thị Mai", "username", "quantri." + commune,
				"password", "Lua-chin-vang-dong-2026", "passwordAgain", "Lua-chin-vang-dong-2026", "phone", phone));
		assertThat(created.statusCode()).isEqualTo(302);
		var half = communes.states(NINH_BINH).get(commune);
		assertThat(half.state()).isEqualTo(State.HALF_WAY);
		assertThat(half.step()).isEqualTo(SetupState.SERVICE);
		assertThat(half.steps()).isEqualTo(SetupState.LAST);

		// Step 3 comes with the invitation's agency code; saved, the province sees step 4.
		assertThat(person.get(wizard + "/3").body()).contains("000.00.37.L" + commune);
		assertThat(person.post(wizard + "/3", Map.of("agencyCode", "000.00.37.L" + commune, "workingHours", "Sáng 7:30–11:30"))
			.statusCode()).isEqualTo(302);
		assertThat(communes.states(NINH_BINH).get(commune).step()).isEqualTo(SetupState.SIGNING);

		// The browser crashes: a new browser opening the same link goes on from step 4; nothing is lost.
		var later = new WebSession(port);
		var resumed = later.get(path);
		assertThat(resumed.body()).contains("Làm tiếp từ bước đang dở", "href=\"" + wizard + "/4\"");
		assertThat(later.get(wizard).headers().firstValue("Location").orElse("")).endsWith(wizard + "/4");
		assertThat(later.post(wizard + "/4/later", Map.of()).statusCode()).isEqualTo(302);
		assertThat(later.post(wizard + "/5/add", Map.of("fullName", "Đỗ Văn Nhận", "username", "motcua." + commune, "phone", "",
				"roles", "một cửa", "title", "Công chức Một cửa")).statusCode()).isEqualTo(302);
		assertThat(later.get(wizard + "/5").body()).contains("Đăng nhập lần đầu của motcua." + commune);
		assertThat(later.post(wizard + "/5/done", Map.of()).statusCode()).isEqualTo(302);
		assertThat(later.post(wizard + "/6", Map.of("code", "1.003677")).statusCode()).isEqualTo(302);
		assertThat(later.get(wizard + "/7").body()).contains("quantri." + commune, "000.00.37.L" + commune);
		assertThat(communes.states(NINH_BINH).get(commune).step()).isEqualTo(SetupState.CHECKLIST);

		var finished = later.post(wizard + "/7", Map.of());
		assertThat(finished.statusCode()).isEqualTo(302);
		assertThat(finished.headers().firstValue("Location").orElse("")).endsWith("/setup/commune/finished");
		assertThat(communes.states(NINH_BINH).get(commune).state()).isEqualTo(State.LIVE);
		var used = person.get(path);
		assertThat(used.statusCode()).isEqualTo(410);
		assertThat(used.body()).contains("Địa chỉ cài đặt đã được dùng");
		assertThat(person.get(wizard + "/3").statusCode()).isEqualTo(410);
		assertThat(person.post(wizard + "/3", Map.of("workingHours", "x")).statusCode()).isEqualTo(410);
		assertThat(new WebSession(port).get("/setup/commune/" + "x".repeat(43)).statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/setup/" + "x".repeat(43) + "/2").statusCode()).isEqualTo(404);
		// The new administrator signs in and administers their commune; the official's account is there too.
		new WebSession(port).signInOfficial("quantri." + commune, "Lua-chin-vang-dong-2026");
		assertThat(Tenancy.callAs(UnitScope.of(commune), () -> accounts.unitsWithAdministrator(Set.of(commune)))).containsExactly(commune);
		assertThat(Tenancy.callAs(UnitScope.of(commune), () -> accounts.list(commune, "motcua." + commune, 0, 5).total())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from setup_state where commune_invite and unit_code = ?").param(commune).query(Long.class)
			.single()).isEqualTo(1L);

		// Now live: inviting it again is refused by the dry run.
		var again = onboarding.find(NINH_BINH, onboarding.check(NINH_BINH, "ninhbinh.trienkhai", "xa.csv",
				csv(commune + ";000.00.37.Z" + commune + ";Lý Thị Mai;" + phone + ";"))).orElseThrow();
		assertThat(again.ok()).isFalse();
		assertThat(again.rows().get(0).problems()).containsExactly(name + " đã hoạt động trên XaSo; không cần mời nữa.");

		// The province page counts it and finds it without diacritics.
		var page = province().get("/province/communes?q=" + OfficialsFile.fold(units.find(commune).orElseThrow().shortName()).replace(' ', '+'));
		var live = communes.overview(NINH_BINH, null, null, 0, 1).live();
		assertThat(page.body()).contains(live + "/" + units.communesOf(NINH_BINH).size() + " xã đã hoạt động", name, "Đã hoạt động");
	}

	/** Two browsers opening the same invitation and creating its administrator at the same moment: one account. */
	@Test
	void twoBrowsersRacingAnInvitationCreateOneAdministrator() throws Exception {
		var commune = fresh(1).get(0);
		var phone = phone();
		onboarding.confirm(NINH_BINH, "ninhbinh.trienkhai",
				onboarding.check(NINH_BINH, "ninhbinh.trienkhai", "xa.csv", csv(commune + ";000.00.37.Q" + commune + ";Mai Văn Đua;" + phone + ";")));
		var link = LINK.matcher(text(phone));
		assertThat(link.find()).isTrue();
		var token = link.group(1);
		steps.commune().chooseCommune(token, commune, ""); // step 1: no villages typed
		var start = new java.util.concurrent.CountDownLatch(1);
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			var results = List.of("qt.mot" + commune, "qt.hai" + commune).stream().map(username -> pool.submit(() -> {
				start.await();
				try {
					steps.admin().createAdmin(token, new SetupAdminStep.AdminInput("Mai Văn Đua", username, "Lua-chin-vang-dong-2026",
							"Lua-chin-vang-dong-2026", phone));
					return "created";
				}
				catch (SetupException e) {
					return "refused";
				}
			})).toList();
			start.countDown();
			assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder("created", "refused");
		}
		var admins = Tenancy.callAs(UnitScope.of(commune), () -> accounts.list(commune, "qt.", 0, 10).items());
		assertThat(admins).hasSize(1);
		var invite = jdbc.sql("select admin_username from province_invite where commune_code = ?").param(commune).query(String.class).single();
		var state = jdbc.sql("select admin_username from setup_state where commune_invite and unit_code = ?").param(commune)
			.query(String.class).single();
		assertThat(invite).isEqualTo(state).isEqualTo(admins.get(0).username());
		assertThat(communes.states(NINH_BINH).get(commune).state()).isEqualTo(State.HALF_WAY);
	}

	List<String> villageNames(String commune) {
		return units.find(commune).isPresent() ? villages.list(commune).stream().map(v -> v.name()).toList() : List.of();
	}

	/** Reads as the province (notify's and audit's tables are scoped by unit). */
	long countAsProvince(String sql, Object... params) {
		Long n = Tenancy.callAs(UnitScope.of(NINH_BINH), () -> tx.execute(s -> jdbc.sql(sql).params(params).query(Long.class).single()));
		return n == null ? -1 : n;
	}

	String deliveryOnPage(WebSession session, String commune) {
		var page = session.get("/province/communes?q=" + commune).body();
		var m = Pattern.compile("data-delivery=\"([A-Z]+)\"").matcher(page);
		return m.find() ? m.group(1) : "(none)";
	}

	@Test
	void theProvinceSeesDeliveryAndSendsAgainOnceWithANewLink() throws InterruptedException {
		var commune = fresh(1).get(0);
		var name = units.find(commune).orElseThrow().name();
		var phone = phone();
		onboarding.confirm(NINH_BINH, "ninhbinh.trienkhai",
				onboarding.check(NINH_BINH, "ninhbinh.trienkhai", "xa.csv", csv(commune + ";000.00.37.R" + commune + ";Hà Văn Phúc;" + phone + ";")));
		var first = text(phone);
		var oldLink = LINK.matcher(first);
		assertThat(oldLink.find()).isTrue();
		var session = province();

		// Delivery state from notify's outbox: the text reached the (demo) provider.
		long until = System.nanoTime() + 15_000_000_000L;
		while (!"SENT".equals(deliveryOnPage(session, commune)) && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		var page = session.get("/province/communes?q=" + commune).body();
		assertThat(page).contains(name, "data-delivery=\"SENT\"", "Đã gửi đến", "Tin nhắn: đã gửi đến", "Gửi lại");
		var rowsBefore = countAsProvince("select count(*) from notify_delivery where unit_code = ? and dedupe_key like ? and channel = 'TEXT'",
				NINH_BINH, "province-invite:" + commune + ":%");
		assertThat(rowsBefore).isEqualTo(1L);

		// A message the provider gave up on shows as failed.
		Tenancy.runAs(UnitScope.of(NINH_BINH), () -> tx.executeWithoutResult(s -> jdbc.sql(
				"update notify_delivery set status = 'failed', last_error = 'test' where unit_code = ? and dedupe_key like ?")
			.params(NINH_BINH, "province-invite:" + commune + ":%").update()));
		assertThat(deliveryOnPage(session, commune)).isEqualTo("FAILED");
		assertThat(session.get("/province/communes?q=" + commune).body()).contains("Gửi không được", "Tin nhắn: gửi không được");

		// "Gửi lại" clicked twice: one new link, one new message, one audit entry.
		var key = Pattern.compile("name=\"link\" value=\"([0-9a-f]{16})\"").matcher(page);
		assertThat(key.find()).isTrue();
		var a = session.post("/province/communes/" + commune + "/resend", Map.of("link", key.group(1)));
		var b = session.post("/province/communes/" + commune + "/resend", Map.of("link", key.group(1)));
		assertThat(a.statusCode()).isEqualTo(302);
		assertThat(b.statusCode()).isEqualTo(302);
		var second = text(phone, first);
		var newLink = LINK.matcher(second);
		assertThat(newLink.find()).isTrue();
		assertThat(newLink.group(1)).isNotEqualTo(oldLink.group(1));
		assertThat(countAsProvince("select count(*) from notify_delivery where unit_code = ? and dedupe_key like ? and channel = 'TEXT'",
				NINH_BINH, "province-invite:" + commune + ":%")).isEqualTo(2L);
		assertThat(countAsProvince("select count(*) from audit_entry where unit_code = ? and action = 'setup.province.invite-resent' and object_id = ?",
				NINH_BINH, commune)).isEqualTo(1L);
		assertThat(session.get("/province/communes?q=" + commune).body()).contains("Đã gửi lại lời mời cho " + name)
			.doesNotContain(key.group(1));
		var again = session.get("/province/communes?q=" + commune).body();
		assertThat(again).doesNotContain("Đã gửi lại lời mời cho");

		// The old link gets its own clear page; the new one opens the setup.
		var old = new WebSession(port).get(oldLink.group());
		assertThat(old.statusCode()).isEqualTo(410);
		assertThat(old.body()).contains("Địa chỉ cài đặt không còn dùng được", name);
		assertThat(new WebSession(port).post("/setup/" + oldLink.group(1) + "/2", Map.of("fullName", "Hà Văn Phúc", "phone", phone, "username", "quantri.cu" + commune, "password",
				"Lua-chin-vang-dong-2026", "passwordAgain", "Lua-chin-vang-dong-2026")).statusCode()).isEqualTo(410);
		assertThat(new WebSession(port).get(newLink.group()).body()).contains("Cài đặt XaSo cho " + name);

		// A stale or made-up key changes nothing.
		var stale = session.post("/province/communes/" + commune + "/resend", Map.of("link", "0000000000000000"));
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(countAsProvince("select count(*) from notify_delivery where unit_code = ? and dedupe_key like ? and channel = 'TEXT'",
				NINH_BINH, "province-invite:" + commune + ":%")).isEqualTo(2L);
	}

	@Test
	void anExpiredLinkGetsAPlainPage() {
		var commune = fresh(1).get(0);
		var phone = phone();
		onboarding.confirm(NINH_BINH, "ninhbinh.trienkhai",
				onboarding.check(NINH_BINH, "ninhbinh.trienkhai", "xa.csv", csv(commune + ";000.00.37.E" + commune + ";Tô Văn Nam;" + phone + ";")));
		jdbc.sql("update province_invite set expires_at = now() - interval '1 day' where commune_code = ?").param(commune).update();
		var link = LINK.matcher(text(phone));
		assertThat(link.find()).isTrue();
		var page = new WebSession(port).get(link.group());
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("Địa chỉ cài đặt đã hết hạn");
		assertThat(new WebSession(port).post("/setup/" + link.group(1) + "/2", Map.of("fullName", "Tô Văn Nam", "phone", phone, "username", "quantri.het" + commune, "password",
				"Lua-chin-vang-dong-2026", "passwordAgain", "Lua-chin-vang-dong-2026")).statusCode()).isEqualTo(410);
		assertThat(communes.states(NINH_BINH).get(commune).expired()).isTrue();
	}

	@Test
	void provincesAreKeptApart() {
		// An onboarding administrator of Thanh Hóa (38), created by the province command (first run of that province).
		var out = new java.io.ByteArrayOutputStream();
		var console = System.out;
		System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
		int first;
		int again;
		try {
			first = command.issue("38", "Tỉnh Thanh Hóa", "trienkhai.thanhhoa", "Cao Thị Oanh", null);
			again = command.issue("38", "Tỉnh Thanh Hóa", "trienkhai.thanhhoa", "Cao Thị Oanh", null);
		}
		finally {
			System.setOut(console);
		}
		assertThat(first).isZero();
		assertThat(again).isZero();
		var printed = out.toString(StandardCharsets.UTF_8);
		var address = Pattern.compile("/setup/welcome/([A-Za-z0-9_-]+)").matcher(printed);
		assertThat(address.find()).isTrue();
		var token = address.group(1);
		assertThat(address.find()).isTrue();
		assertThat(address.group(1)).as("the same address while unused").isEqualTo(token);
		var person = new WebSession(port);
		assertThat(person.get("/setup/welcome/" + token).statusCode()).isEqualTo(200);
		assertThat(person.post("/setup/welcome/" + token, Map.of("password", "Thanh-hoa-trien-khai-2026", "passwordAgain",
				"Thanh-hoa-trien-khai-2026")).statusCode()).isLessThan(400);
		assertThat(command.issue("38", "Tỉnh Thanh Hóa", "trienkhai.thanhhoa", "Cao Thị Oanh", null)).isEqualTo(1);

		var thanhHoa = new WebSession(port).signInOfficial("trienkhai.thanhhoa", "Thanh-hoa-trien-khai-2026");
		var list = thanhHoa.get("/province/communes?q=nga+an");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Tỉnh Thanh Hóa", "Xã Nga An", "Đã hoạt động").doesNotContain("Xã Yên Mô");
		assertThat(thanhHoa.get("/province/communes?province=37").statusCode()).isEqualTo(403);
		// Ninh Bình's checked list is not Thanh Hóa's to see or confirm.
		var ninhBinhList = onboarding.check(NINH_BINH, "ninhbinh.trienkhai", "xa.csv", csv(fresh(1).get(0) + ";000.00.37.I01;Hà Văn Phúc;" + phone() + ";"));
		assertThat(thanhHoa.get("/province/onboarding/" + ninhBinhList).statusCode()).isEqualTo(404);
		assertThat(thanhHoa.post("/province/onboarding/" + ninhBinhList + "/confirm", Map.of()).statusCode()).isEqualTo(404);
		assertThat(onboarding.find(NINH_BINH, ninhBinhList).orElseThrow().confirmedAt()).isNull();
		// A commune administrator has no province page; the national administrator may look at any province.
		assertThat(new WebSession(port).signInOfficial("ngaan.admin", PASSWORD).get("/province/communes").statusCode()).isEqualTo(403);
		var national = new WebSession(port).signInOfficial("quocgia.lich", PASSWORD).get("/province/communes?province=38&q=nga+an");
		assertThat(national.statusCode()).isEqualTo(200);
		assertThat(national.body()).contains("Tỉnh Thanh Hóa", "Xã Nga An");
		assertThat(Tenancy.callAs(UnitScope.of("38"), () -> accounts.list("38", "trienkhai", 0, 5)).items())
			.allMatch(a -> a.roles().equals(Set.of(Role.PROVINCE_ADMIN)));
	}
}
