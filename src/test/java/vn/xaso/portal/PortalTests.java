package vn.xaso.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/** The portal end to end over real HTTP and the real database: workflow, scheduling, search, caching, feeds, files. */
@XasoIntegrationTest
class PortalTests {

	static final String YEN_MO = DemoData.YEN_MO;

	@LocalServerPort
	int port;

	@Autowired
	Posts posts;

	@Autowired
	CommuneInfo info;

	@Autowired
	Villages villages;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	static OfficialPrincipal official(String username, Role... roles) {
		return new OfficialPrincipal(1, username, username, YEN_MO, "Xã Yên Mô", Set.of(roles), UnitScope.of(YEN_MO));
	}

	static <T> T asYenMo(Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), work);
	}

	WebSession session() {
		return new WebSession(port);
	}

	@Test
	void aSpecialistDraftsALeaderPublishesAndThePublicSeesItOnlyThen() {
		var specialist = session().signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		var title = "Thông báo lịch tiêm phòng dại cho chó mèo đợt " + System.nanoTime();
		var created = specialist.post("/portal/posts", Map.of("kind", "notice", "title", title, "category", "Y tế",
				"body", "Trạm y tế xã tổ chức tiêm phòng dại.\n\nMỗi con 30.000 đồng.", "then", "save"));
		assertThat(created.statusCode()).isEqualTo(302);
		var location = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		assertThat(session().get("/x/" + YEN_MO + "/posts/" + id).statusCode()).isEqualTo(404);
		assertThat(specialist.post("/portal/posts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(302);
		// A specialist cannot approve.
		specialist.post("/portal/posts/" + id + "/publish", Map.of());
		assertThat(session().get("/x/" + YEN_MO + "/posts/" + id).statusCode()).isEqualTo(404);

		var leader = session().signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(leader.get("/portal/posts/" + id).body()).contains("Chờ duyệt");
		leader.post("/portal/posts/" + id + "/publish", Map.of());
		var page = session().get("/x/" + YEN_MO + "/posts/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(title).contains("Mỗi con 30.000 đồng.");
		assertThat(session().get("/x/" + YEN_MO).body()).contains(title);
		assertThat(session().get("/x/" + YEN_MO + "/notices").body()).contains(title);
		// Nga An's administrator does not see Yên Mô's post in the editor.
		assertThat(session().signInOfficial("ngaan.admin", DemoData.PASSWORD).get("/portal/posts/" + id).statusCode()).isEqualTo(404);
		// Published posts cannot be edited until withdrawn.
		var edit = leader.post("/portal/posts/" + id, Map.of("kind", "notice", "title", "Đổi", "body", "x"));
		assertThat(edit.statusCode()).isEqualTo(200);
		assertThat(edit.body()).contains("Bài đã đăng");
		leader.post("/portal/posts/" + id + "/withdraw", Map.of());
		assertThat(session().get("/x/" + YEN_MO + "/posts/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void badInputIsRefusedWithAMessageAndChangesNothing() {
		var specialist = session().signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		long before = count();
		var noTitle = specialist.post("/portal/posts", Map.of("kind", "notice", "title", " ", "body", "Nội dung"));
		assertThat(noTitle.statusCode()).isEqualTo(200);
		assertThat(noTitle.body()).contains("Hãy nhập tiêu đề.");
		var longTitle = specialist.post("/portal/posts", Map.of("kind", "notice", "title", "a".repeat(201), "body", "Nội dung"));
		assertThat(longTitle.body()).contains("Tiêu đề dài quá 200 ký tự.");
		var badKind = specialist.post("/portal/posts", Map.of("kind", "quang-cao", "title", "T", "body", "B"));
		assertThat(badKind.body()).contains("Hãy chọn loại bài");
		var badTime = specialist.post("/portal/posts", Map.of("kind", "news", "title", "T", "body", "B", "publishAt", "ngày mai"));
		assertThat(badTime.body()).contains("Thời gian đăng chưa đúng");
		var radioNews = specialist.post("/portal/posts", Map.of("kind", "news", "title", "T", "body", "B", "channels", "RADIO"));
		assertThat(radioNews.body()).contains("Chỉ thông báo mới phát trên loa.");
		var otherVillage = specialist.post("/portal/posts", Map.of("kind", "notice", "title", "T", "body", "B", "villages", "999999999"));
		assertThat(otherVillage.body()).contains("Thôn đã chọn không thuộc xã.");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aVillageHeadWritesOnlyNoticesForAVillage() {
		var head = official("yenmo.truongthon", Role.VILLAGE_HEAD);
		var village = villages.list(YEN_MO).getFirst().id();
		assertThatThrownBy(() -> asYenMo(() -> posts.create(head, draft("news", "Tin", List.of(), Set.of(), null))))
			.hasMessageContaining("Trưởng thôn chỉ viết thông báo.");
		assertThatThrownBy(() -> asYenMo(() -> posts.create(head, draft("notice", "Họp thôn", List.of(), Set.of(), null))))
			.hasMessageContaining("chọn thôn");
		long id = asYenMo(() -> posts.create(head, draft("notice", "Họp thôn tối thứ Bảy", List.of(village), Set.of(), null)));
		assertThatThrownBy(() -> asYenMo(() -> {
			posts.publish(head, id);
			return null;
		})).hasMessageContaining("Chỉ lãnh đạo");
	}

	@Test
	void aScheduledPostAppearsAndIsAnnouncedOnlyWhenItsTimeComes() throws Exception {
		var leader = official("yenmo.chutich", Role.LEADER);
		var title = "Lịch cắt điện hẹn giờ " + System.nanoTime();
		long id = asYenMo(() -> posts.create(leader, draft("notice", title, List.of(), Set.of("ZALO"), Instant.now().plusSeconds(3))));
		asYenMo(() -> {
			posts.publish(leader, id);
			return null;
		});
		assertThat(posts.publishedOne(YEN_MO, id)).isEmpty();
		assertThat(session().get("/x/" + YEN_MO + "/posts/" + id).statusCode()).isEqualTo(404);
		assertThat(asYenMo(() -> posts.find(leader, id)).orElseThrow().announcedAt()).isNull();
		Thread.sleep(3500);
		assertThat(posts.publishedOne(YEN_MO, id)).isPresent();
		posts.announceDue();
		// The app's own every-minute job (here or in the other test JVM on the same database) may have claimed the post
		// first and still be sending it: its note is written when it is done.
		var post = asYenMo(() -> posts.find(leader, id)).orElseThrow();
		for (int i = 0; i < 100 && (post.announceNote() == null || post.announceNote().isEmpty()); i++) {
			Thread.sleep(100);
			post = asYenMo(() -> posts.find(leader, id)).orElseThrow();
		}
		assertThat(post.announcedAt()).isNotNull();
		assertThat(post.announceNote()).contains("ZALO");
		// Announced once: the next run finds nothing to do for it.
		var first = post.announcedAt();
		posts.announceDue();
		assertThat(asYenMo(() -> posts.find(leader, id)).orElseThrow().announcedAt()).isEqualTo(first);
	}

	@Test
	void searchIgnoresDiacriticsAndFindsOnlyPublishedPostsOfTheCommune() {
		var leader = official("yenmo.chutich", Role.LEADER);
		var marker = "Khuyến nông" + System.nanoTime();
		long published = asYenMo(() -> posts.create(leader, draft("news", "Hội nghị " + marker + " vụ Đông Xuân", List.of(), Set.of(), null)));
		asYenMo(() -> {
			posts.publish(leader, published);
			return null;
		});
		asYenMo(() -> posts.create(leader, draft("news", "Bản nháp " + marker + " vụ Đông Xuân", List.of(), Set.of(), null)));
		var folded = java.text.Normalizer.normalize(marker, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase();
		var page = session().get("/x/" + YEN_MO + "/search?q=" + java.net.URLEncoder.encode(folded + " dong xuan", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Hội nghị " + marker).doesNotContain("Bản nháp " + marker);
		assertThat(session().get("/x/16144/search?q=" + java.net.URLEncoder.encode(folded, java.nio.charset.StandardCharsets.UTF_8)).body()).doesNotContain(marker);
		assertThat(session().get("/x/" + YEN_MO + "/search?q=" + "a".repeat(101)).body()).contains("Từ khóa dài quá 100 ký tự.");
	}

	@Test
	void publicPagesAnswerRevalidationWith304UntilSomethingChanges() throws Exception {
		var http = HttpClient.newHttpClient();
		var url = URI.create("http://localhost:" + port + "/x/" + YEN_MO);
		var first = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(first.statusCode()).isEqualTo(200);
		var etag = first.headers().firstValue("ETag").orElseThrow();
		var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache").contains("public");
		assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();

		var again = http.send(HttpRequest.newBuilder(url).header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		var byDate = http.send(HttpRequest.newBuilder(url).header("If-Modified-Since", lastModified).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(byDate.statusCode()).isEqualTo(304);
		// English is another rendering: another tag.
		var english = http.send(HttpRequest.newBuilder(URI.create(url + "?lang=en")).header("If-None-Match", etag).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(english.statusCode()).isEqualTo(200);

		Thread.sleep(1100); // Last-Modified has whole seconds
		var leader = official("yenmo.chutich", Role.LEADER);
		long id = asYenMo(() -> posts.create(leader, draft("news", "Tin mới làm đổi trang " + System.nanoTime(), List.of(), Set.of(), null)));
		asYenMo(() -> {
			posts.publish(leader, id);
			return null;
		});
		var changed = http.send(HttpRequest.newBuilder(url).header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
		// A post page revalidates too.
		var post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/x/" + YEN_MO + "/posts/" + id)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		var postAgain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/x/" + YEN_MO + "/posts/" + id))
			.header("If-None-Match", post.headers().firstValue("ETag").orElseThrow()).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(postAgain.statusCode()).isEqualTo(304);
	}

	@Test
	void attachmentsAreCheckedByContentAndPublicOnlyOncePublished() throws Exception {
		var leader = official("yenmo.chutich", Role.LEADER);
		long id = asYenMo(() -> posts.create(leader, draft("notice", "Thông báo có tệp " + System.nanoTime(), List.of(), Set.of(), null)));
		assertThatThrownBy(() -> asYenMo(() -> posts.addAttachment(leader, id, "Giả PDF", "%PDF-1.4 not really a pdf".getBytes())))
			.hasMessageContaining("Không đọc được tệp PDF");
		assertThatThrownBy(() -> asYenMo(() -> posts.addAttachment(leader, id, "Văn bản", "<html>".getBytes())))
			.hasMessageContaining("Chỉ nhận tệp PDF hoặc ảnh");
		var png = png();
		assertThatThrownBy(() -> asYenMo(() -> posts.addAttachment(leader, id, "", png)))
			.hasMessageContaining("Hãy ghi tên tệp");
		long image = asYenMo(() -> posts.addAttachment(leader, id, "Sơ đồ khu vực", png));
		var pdfBytes = pdf();
		long pdf = asYenMo(() -> posts.addAttachment(leader, id, "Kế hoạch", pdfBytes));
		assertThat(posts.attachments(YEN_MO, id)).extracting(PostAttachment::contentType).containsExactly("image/png", "application/pdf");
		var anonymous = session();
		assertThat(anonymous.get("/x/" + YEN_MO + "/posts/" + id + "/files/" + image).statusCode()).isEqualTo(404);
		asYenMo(() -> {
			posts.publish(leader, id);
			return null;
		});
		var file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/x/" + YEN_MO + "/posts/" + id
				+ "/files/" + image)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
		assertThat(ImageIO.read(new ByteArrayInputStream(file.body()))).isNotNull();
		assertThat(anonymous.get("/x/" + YEN_MO + "/posts/" + id).body()).contains("Sơ đồ khu vực").contains("Kế hoạch");
		// The file of another commune's address is not found.
		assertThat(anonymous.get("/x/16144/posts/" + id + "/files/" + pdf).statusCode()).isEqualTo(404);
	}

	@Test
	void atomFeedAndSitemapAreWellFormedAndListPublishedPosts() throws Exception {
		var leader = official("yenmo.chutich", Role.LEADER);
		var title = "Tin cho nguồn Atom <&> " + System.nanoTime();
		long id = asYenMo(() -> posts.create(leader, draft("news", title, List.of(), Set.of(), null)));
		asYenMo(() -> {
			posts.publish(leader, id);
			return null;
		});
		var feed = session().get("/x/" + YEN_MO + "/feed.atom");
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes("UTF-8")));
		assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		var titles = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title");
		boolean found = false;
		for (int i = 0; i < titles.getLength(); i++) {
			found |= titles.item(i).getTextContent().equals(title);
		}
		assertThat(found).as("the new post is in the feed").isTrue();

		var sitemap = session().get("/sitemap.xml");
		assertThat(sitemap.statusCode()).isEqualTo(200);
		var map = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sitemap.body().getBytes("UTF-8")));
		assertThat(map.getDocumentElement().getLocalName()).isEqualTo("urlset");
		assertThat(sitemap.body()).contains("/x/" + YEN_MO + "/posts/" + id + "</loc>").contains("/x/" + YEN_MO + "</loc>");
	}

	@Test
	void contactsShowAPhoneOnlyWhenMarkedPublic() {
		var admin = session().signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var privateName = "Nguyễn Văn Riêng " + System.nanoTime();
		admin.post("/portal/contacts", Map.of("name", privateName, "title", "Công an xã", "phone", "0912345671", "position", "50"));
		admin.post("/portal/contacts", Map.of("name", "Trần Thị Công Khai", "title", "Văn phòng", "phone", "02293868123", "phonePublic", "on",
				"position", "51"));
		var bad = admin.post("/portal/contacts", Map.of("name", "X", "title", "Y", "phone", "12ab", "position", "1"));
		assertThat(bad.body()).contains("Số điện thoại chưa đúng");
		var page = session().get("/x/" + YEN_MO + "/contacts").body();
		assertThat(page).contains(privateName).doesNotContain("0912345671").contains("02293868123");
		// A specialist may not change the contacts.
		var specialist = session().signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		assertThat(specialist.post("/portal/contacts", Map.of("name", "Z", "title", "Z", "position", "1")).body())
			.contains("Chỉ quản trị hoặc lãnh đạo");
	}

	@Test
	void theScheduleShowsTheWeekAndRefusesABadTime() {
		var specialist = session().signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		var content = "Tiếp công dân định kỳ " + System.nanoTime();
		var ok = specialist.post("/portal/schedule", Map.of("day", "2026-11-25", "time", "07:30", "leader", "Chủ tịch UBND xã",
				"content", content, "place", "Trụ sở UBND xã"));
		assertThat(ok.statusCode()).isEqualTo(302);
		var bad = specialist.post("/portal/schedule", Map.of("day", "2026-11-25", "time", "25:00", "leader", "X", "content", "Y"));
		assertThat(bad.body()).contains("Giờ chưa đúng");
		var week = session().get("/x/" + YEN_MO + "/schedule?week=2026-11-27").body();
		assertThat(week).contains(content).contains("Thứ Tư 25/11/2026").contains("Tuần từ 23/11/2026 đến 29/11/2026");
	}

	@Test
	void aCitizenSavesTheirVillageAndSeesItsNoticesFirst() {
		var leader = official("yenmo.chutich", Role.LEADER);
		var all = villages.list(YEN_MO);
		var mine = all.get(1).id();
		var forVillage = "Họp thôn riêng " + System.nanoTime();
		long older = asYenMo(() -> posts.create(leader, draft("notice", forVillage, List.of(mine), Set.of(), null)));
		asYenMo(() -> {
			posts.publish(leader, older);
			return null;
		});
		var general = "Thông báo chung mới hơn " + System.nanoTime();
		long newer = asYenMo(() -> posts.create(leader, draft("notice", general, List.of(), Set.of(), null)));
		asYenMo(() -> {
			posts.publish(leader, newer);
			return null;
		});
		var citizen = session().signInCitizen("0988000007", outbox);
		assertThat(citizen.post("/citizen/place", Map.of("unit", YEN_MO, "village", "999999999")).headers().firstValue("Location").orElseThrow())
			.contains("/app");
		assertThat(info.placeOf(citizenId("0988000007"))).isEmpty();
		citizen.post("/citizen/place", Map.of("unit", YEN_MO, "village", String.valueOf(mine)));
		var app = citizen.get("/app").body();
		assertThat(app).contains(forVillage).contains(general);
		assertThat(app.indexOf(forVillage)).as("the village's notice comes first").isLessThan(app.indexOf(general));
		// Without the village, the newest comes first.
		var anonymous = session().get("/app?unit=" + YEN_MO).body();
		assertThat(anonymous.indexOf(general)).isLessThan(anonymous.indexOf(forVillage));
		assertThat(session().get("/app").statusCode()).isEqualTo(200);
	}

	@Test
	void theManifestAndServiceWorkerAreServedForTheWholeSite() {
		var manifest = session().get("/manifest.webmanifest");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");
		assertThat(manifest.body()).contains("\"name\": \"Công dân số — Xã Số\"").contains("icon-512.png");
		assertThat(session().get("/assets/icons/icon-512.png").statusCode()).isEqualTo(200);
		var worker = session().get("/sw.js");
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Service-Worker-Allowed").orElseThrow()).isEqualTo("/");
		assertThat(worker.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
		assertThat(worker.body()).contains("addEventListener('push'");
	}

	private long citizenId(String phone) {
		return jdbc.sql("select id from citizen where phone = ?").param(phone).query(Long.class).single();
	}

	private long count() {
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql("select count(*) from portal_post").query(Long.class).single()));
	}

	static Posts.Draft draft(String kind, String title, List<Long> villages, Set<String> channels, Instant at) {
		return new Posts.Draft(kind, "", title, "", "Nội dung của " + title, at, villages, channels, false);
	}

	static byte[] png() throws Exception {
		var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static byte[] pdf() throws Exception {
		try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.save(out);
			return out.toByteArray();
		}
	}
}
