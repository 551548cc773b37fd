package vn.xaso.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21, the loudspeakers: the compose page previews what the engine will read (numbers, dates,
 * abbreviations written out, the commune's own pronunciations) without creating anything; the commune's
 * pronunciation list is edited by its administrator and used by synthesis, for that commune only; a broadcast's
 * page refreshes itself while the audio is being made and keeps a visible reload link without JavaScript.
 */
@XasoIntegrationTest
class RadioPreviewTests {

	private static final String YEN_MO = DemoData.YEN_MO;
	private static final Pattern PREVIEW = Pattern.compile("id=\"spoken-preview\"[^>]*>([^<]*)<");

	@LocalServerPort
	int port;

	@Autowired
	vn.xaso.radio.internal.RadioMetrics radioMetrics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theComposePagePreviewsTheSpokenTextAndCreatesNothing() {
		var chairman = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		var compose = chairman.get("/radio/admin/broadcasts/new");
		assertThat(compose.body()).contains("formaction=\"/radio/admin/broadcasts/preview\"").contains("Xem trước lời đọc");
		long before = broadcasts();

		var title = "Hỗ trợ VNeID " + UUID.randomUUID().toString().substring(0, 6);
		var page = chairman.post("/radio/admin/broadcasts/preview", Map.of("title", title,
				"text", "Tổ CNSCĐ hỗ trợ cài VNeID từ 7h30 ngày 15/12/2026 tại nhà văn hóa, gọi 0912.345.678."));

		assertThat(page.statusCode()).isEqualTo(200);
		var spoken = preview(page.body());
		assertThat(spoken).contains("công nghệ số cộng đồng") // the national list
			.contains("vê en ê ai đi") // Yên Mô's own pronunciation overrides the national "vê en e ai đi"
			.contains("bảy giờ ba mươi phút").contains("ngày mười lăm tháng mười hai năm hai nghìn không trăm hai mươi sáu")
			.contains("không chín một hai, ba bốn năm, sáu bảy tám")
			.doesNotContain("CNSCĐ").doesNotContain("VNeID").doesNotContain("7h30");
		// The form is filled again so that "Tạo bản tin" sends the same bulletin; nothing was queued.
		assertThat(page.body()).contains("value=\"" + title + "\"").contains("Tổ CNSCĐ hỗ trợ cài VNeID");
		assertThat(broadcasts()).isEqualTo(before);

		var empty = chairman.post("/radio/admin/broadcasts/preview", Map.of("title", " ", "text", ""));
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("Hãy viết tiêu đề hoặc nội dung để xem trước lời đọc.").doesNotContain("id=\"spoken-preview\"");
	}

	@Test
	void theCommunesPronunciationListIsUsedBySynthesisForThatCommuneOnly() {
		var word = "KDC" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		admin.get("/radio/admin/pronunciations");

		var bad = admin.post("/radio/admin/pronunciations", Map.of("written", "hai từ", "spoken", "khu dân cư"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("không có dấu cách");
		assertThat(entries(word)).isZero();

		var saved = admin.post("/radio/admin/pronunciations", Map.of("written", word, "spoken", "khu dân cư số ba"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/radio/admin/pronunciations").body()).contains(word).contains("khu dân cư số ba");

		// Synthesis reads it: the broadcast's stored spoken text.
		admin.get("/radio/admin/broadcasts/new");
		var created = admin.post("/radio/admin/broadcasts", Map.of("title", "Họp " + word, "text", "Mời bà con " + word + " họp lúc 19h."));
		assertThat(created.statusCode()).isEqualTo(302);
		var id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		var spoken = Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).execute(s -> jdbc
			.sql("select spoken_text from radio_broadcast where id = ?").param(id).query(String.class).single()));
		assertThat(spoken).contains("Họp khu dân cư số ba").contains("Mời bà con khu dân cư số ba họp lúc mười chín giờ").doesNotContain(word);

		// Another commune keeps the written word: the list is Yên Mô's own.
		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		ngaAn.get("/radio/admin/broadcasts/new");
		var other = ngaAn.post("/radio/admin/broadcasts/preview", Map.of("title", "Họp", "text", "Mời bà con " + word + "."));
		assertThat(preview(other.body())).contains(word).doesNotContain("khu dân cư số ba");

		// Only the radio administrator edits the list; the chairman composes but does not.
		var chairman = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(chairman.get("/radio/admin/pronunciations").statusCode()).isEqualTo(403);

		// Removing it: the word is read as written again.
		var entryId = Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).execute(s -> jdbc
			.sql("select id from radio_pronunciation where unit_code = ? and written = ?").params(YEN_MO, word).query(Long.class).single()));
		admin.get("/radio/admin/pronunciations");
		assertThat(admin.post("/radio/admin/pronunciations/" + entryId + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(entries(word)).isZero();
	}

	@Test
	void aBroadcastPageRefreshesItselfWhileSynthesisingAndKeepsAReloadLink() {
		// Made by hand in the shared database, so it is counted the way Broadcasts counts it (the dashboards'
		// recount tests compare the kept counters with the table).
		long id = Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).execute(s -> {
			long made = jdbc.sql("""
					insert into radio_broadcast (unit_code, title, body, spoken_text, source, status, created_by)
					values (?, 'Đang tạo giọng đọc', 'Nội dung', null, 'test', 'synthesising', 'test') returning id""")
				.param(YEN_MO).query(Long.class).single();
			radioMetrics.broadcastCreated(YEN_MO, java.time.Instant.now());
			return made;
		}));
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);

		var page = admin.get("/radio/admin/broadcasts/" + id).body();
		assertThat(page).contains("id=\"broadcast-live\"").contains("data-refresh-seconds=\"3\"").contains("aria-live=\"polite\"");
		assertThat(page).contains("href=\"/radio/admin/broadcasts/" + id + "\" class=\"radio-reload\">tải lại trang</a>");
		var script = Pattern.compile("<script src=\"(/assets/radio/refresh[^\"]*\\.js)\"").matcher(page);
		assertThat(script.find()).as("the refresh script is on the page").isTrue();
		var js = admin.get(script.group(1));
		assertThat(js.statusCode()).isEqualTo(200);
		assertThat(js.body()).contains("broadcast-live").contains("data-refresh-seconds");

		// Once it is no longer being made, the page stops refreshing.
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).executeWithoutResult(s -> jdbc
			.sql("update radio_broadcast set status = 'failed', error = 'thử' where id = ?").param(id).update()));
		var after = admin.get("/radio/admin/broadcasts/" + id).body();
		assertThat(after).contains("id=\"broadcast-live\"").doesNotContain("data-refresh-seconds").doesNotContain("/assets/radio/refresh");
	}

	private static String preview(String html) {
		var m = PREVIEW.matcher(html);
		assertThat(m.find()).as("a preview on the page").isTrue();
		return m.group(1);
	}

	private long broadcasts() {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions)
			.execute(s -> jdbc.sql("select count(*) from radio_broadcast where unit_code = ?").param(YEN_MO).query(Long.class).single()));
	}

	private long entries(String word) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> new TransactionTemplate(transactions).execute(s -> jdbc
			.sql("select count(*) from radio_pronunciation where written = ?").param(word).query(Long.class).single()));
	}
}
