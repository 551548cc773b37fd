package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21 through the real pages: drafting from a Phụ lục III template, editing a saved draft (versions kept),
 * returning with a required reason the drafter reads, the signer chosen among the commune's leaders, receiving
 * communes found by name without diacritics, where a released document went, and the to-do list on the workspace.
 */
@XasoIntegrationTest
class DocumentDraftingPagesTests {

	static final String CHAIRMAN = "Đinh Văn Hùng";

	@LocalServerPort
	int port;

	@Autowired
	Documents documents;

	@Autowired
	DocumentTemplates templates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void choosingATypeFillsTheBodyFromItsTemplateAndACommuneMayOverrideIt() {
		var specialist = official("yenmo.tuphap");
		var choice = specialist.get("/documents/outgoing/new").body();
		for (var type : DocumentType.draftableTypes()) {
			assertThat(choice).contains("href=\"/documents/outgoing/new?type=" + type.name() + "\"");
		}
		var form = specialist.get("/documents/outgoing/new?type=QUYET_DINH").body();
		assertThat(textarea(form, "body")).contains("Căn cứ Luật Tổ chức chính quyền địa phương", "Theo đề nghị của", "QUYẾT ĐỊNH:",
				"Điều 1. …", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.");
		assertThat(form).contains("value=\"Về việc …\"");
		assertThat(textarea(specialist.get("/documents/outgoing/new?type=GIAY_MOI").body(), "body")).contains("Thời gian:", "Địa điểm:");
		assertThat(textarea(specialist.get("/documents/outgoing/new?type=BIEN_BAN").body(), "body")).contains("Thư ký (người ghi biên bản)");
		assertThat(textarea(specialist.get("/documents/outgoing/new?type=CONG_VAN").body(), "body")).doesNotContain("QUYẾT ĐỊNH:");

		// Nga An writes its own Thông báo template; Yên Mô keeps the shared one
		var ngaAnAdmin = new Actor(DemoData.NGA_AN, "ngaan.admin", "Mai Văn Sơn", java.util.Set.of(Role.ADMIN));
		var own = "Ủy ban nhân dân xã Nga An thông báo riêng " + UUID.randomUUID();
		Tenancy.runAs(UnitScope.of(DemoData.NGA_AN), () -> templates.saveOwn(ngaAnAdmin,
				new DocumentTemplates.Template(DocumentType.THONG_BAO, "…", own, "…", "TM. Ủy ban nhân dân", "Chủ tịch", true)));
		assertThat(textarea(official("ngaan.vanthu").get("/documents/outgoing/new?type=THONG_BAO").body(), "body")).isEqualTo(own);
		assertThat(textarea(specialist.get("/documents/outgoing/new?type=THONG_BAO").body(), "body")).doesNotContain(own)
			.contains("Ủy ban nhân dân xã thông báo");
	}

	@Test
	void theSignerIsOneOfTheLeadersAndCommunesAreFoundByNameWithoutDiacritics() {
		var specialist = official("yenmo.tuphap");
		var form = specialist.get("/documents/outgoing/new?type=THONG_BAO").body();
		assertThat(form).containsPattern("<select id=\"f-signerName\" name=\"signerName\"").contains(">" + CHAIRMAN + "</option>")
			.doesNotContain(">Vũ Thị Mai</option>");

		var fields = fields("Thông báo người ký " + UUID.randomUUID());
		fields.put("signerName", "Nguyễn Văn An");
		var refused = specialist.post("/documents/outgoing", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Hãy chọn người ký trong danh sách lãnh đạo của xã");
		assertThat(count(fields.get("summary"))).isZero();

		fields.put("signerName", CHAIRMAN);
		fields.put("action", "findCommune");
		fields.put("communeQuery", "nga an");
		var found = specialist.post("/documents/outgoing", fields);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("value=\"16144\"", "Xã Nga An").contains(textarea(found.body(), "body"));
		assertThat(count(fields.get("summary"))).isZero(); // searching saves nothing
		assertThat(specialist.post("/documents/outgoing", Map.of("type", "THONG_BAO", "action", "findCommune", "communeQuery", "khong co xa nay zz"))
			.body()).contains("Không tìm thấy xã nào có tên như vậy");

		fields.put("action", "save");
		fields.put("internalRecipients", "16144");
		var saved = specialist.post("/documents/outgoing", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		var path = location(saved);
		var detail = specialist.get(path).body();
		assertThat(detail).contains("Gửi qua XaSo tới các xã", "Xã Nga An", "Gửi khi phát hành");

		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		assertThat(specialist.post(path + "/submit", Map.of()).statusCode()).isEqualTo(302);
		Tenancy.runAs(UnitScope.of(DemoData.YEN_MO), () -> {
			documents.approve(DocumentFixtures.LEADER, id, DemoData.SIGNING_PASSWORD.toCharArray());
			documents.release(DocumentFixtures.CLERK, id, DemoData.SIGNING_PASSWORD.toCharArray());
		});
		String page = "";
		for (int i = 0; i < 100 && !page.contains("Đã nhận"); i++) {
			page = specialist.get(path).body();
			sleep();
		}
		assertThat(page).contains("Xã Nga An", "Đã nhận", "Đã vào sổ, chờ giao");
	}

	@Test
	void aSavedDraftIsEditedWithItsEarlierTextKeptAndReturnNeedsAReason() {
		var specialist = official("yenmo.tuphap");
		var first = "Thông báo bản đầu " + UUID.randomUUID();
		var created = specialist.post("/documents/outgoing", fields(first));
		var path = location(created);
		long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		assertThat(specialist.get(path).body()).contains("href=\"" + path + "/edit\"");
		assertThat(specialist.get(path + "/edit").body()).contains("value=\"" + first + "\"");

		var second = "Thông báo bản sửa " + UUID.randomUUID();
		var edit = fields(second);
		edit.put("action", "saveAndSubmit");
		assertThat(specialist.post(path + "/edit", edit).statusCode()).isEqualTo(302);
		var doc = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> documents.find(DocumentFixtures.SPECIALIST, id).orElseThrow());
		assertThat(doc.summary()).isEqualTo(second);
		assertThat(doc.status()).isEqualTo(Document.SUBMITTED);
		assertThat(query("select summary from document_version where document_id = ? and version = 1", String.class, id)).isEqualTo(first);
		assertThat(query("select count(*) from audit_entry where action = 'document.updated' and object_id = ?", Long.class, String.valueOf(id)))
			.isEqualTo(1L);
		assertThat(specialist.get(path + "/edit").statusCode()).isEqualTo(404); // submitted: not editable

		var chairman = official("yenmo.chutich");
		assertThat(chairman.get(path).body()).contains("Lý do trả lại");
		chairman.post(path + "/return", Map.of("reason", "  "));
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> documents.find(DocumentFixtures.SPECIALIST, id).orElseThrow().status()))
			.isEqualTo(Document.SUBMITTED);
		assertThat(chairman.get(path).body()).contains("Hãy ghi lý do trả lại");
		chairman.post(path + "/return", Map.of("reason", "Sửa lại căn cứ: thiếu Nghị quyết của HĐND xã."));
		var drafterView = specialist.get(path).body();
		assertThat(drafterView).contains("Lãnh đạo Đinh Văn Hùng trả lại để sửa:", "Sửa lại căn cứ: thiếu Nghị quyết của HĐND xã.",
				"Sửa dự thảo");
		assertThat(specialist.get(path + "/edit").body()).contains("Bản 1");
	}

	@Test
	void theWorkspaceStartsWithTheToDoListAndItsCounts() {
		var chairman = official("yenmo.chutich");
		long before = todoCount(chairman.get("/workspace").body(), "văn bản chờ tôi duyệt");
		var specialist = official("yenmo.tuphap");
		var f = fields("Thông báo chờ duyệt " + UUID.randomUUID());
		f.put("action", "saveAndSubmit");
		assertThat(specialist.post("/documents/outgoing", f).statusCode()).isEqualTo(302);
		var page = chairman.get("/workspace").body();
		assertThat(todoCount(page, "văn bản chờ tôi duyệt")).isEqualTo(before + 1);
		assertThat(page).contains("Việc cần làm", "hồ sơ chờ tôi duyệt");
		assertThat(page.indexOf("id=\"todo\"")).isLessThan(page.indexOf("class=\"cards\""));
		assertThat(todoCount(official("yenmo.vanthu").get("/workspace").body(), "văn bản đã duyệt chờ phát hành")).isNotNegative();
		assertThat(official("yenmo.motcua").get("/workspace").body()).contains("hồ sơ mới chờ tiếp nhận");
		// Nga An now has a chairman who is told what waits for him
		assertThat(official("ngaan.chutich").get("/workspace").body()).contains("văn bản đến chờ giao xử lý");
		assertThat(official("yenmo.chutich").get("/workspace?lang=en").body()).contains("documents waiting for my approval");
	}

	private static long todoCount(String page, String label) {
		var m = Pattern.compile("<span class=\"todo-count\">(\\d+)</span> " + Pattern.quote(label)).matcher(page);
		assertThat(m.find()).as("to-do line «" + label + "»").isTrue();
		return Long.parseLong(m.group(1));
	}

	private WebSession official(String username) {
		return new WebSession(port).signInOfficial(username, DemoData.PASSWORD);
	}

	private static Map<String, String> fields(String summary) {
		var m = new HashMap<String, String>();
		m.putAll(Map.of("type", "THONG_BAO", "summary", summary, "body", "Ủy ban nhân dân xã thông báo lịch tiếp công dân.",
				"recipients", "Các thôn", "signerName", CHAIRMAN, "signerTitle", "Chủ tịch", "signerAuthority", "TM. Ủy ban nhân dân"));
		return m;
	}

	private long count(String summary) {
		return query("select count(*) from document where summary = ?", Long.class, summary);
	}

	private <T> T query(String sql, Class<T> type, Object... params) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
			.execute(s -> jdbc.sql(sql).params(params).query(type).single()));
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
	}

	private static String textarea(String html, String name) {
		var m = Pattern.compile("<textarea id=\"f-" + name + "\"[^>]*>([^<]*)</textarea>").matcher(html);
		assertThat(m.find()).as("textarea " + name).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
