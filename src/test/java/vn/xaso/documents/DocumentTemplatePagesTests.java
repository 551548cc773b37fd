package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
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
 * Issue 21: every administrative document type of Nghị định 30/2020 Phụ lục III (the table of mục I, checked against
 * the shared reference copy) exists, and each one a commune drafts has its template with the body skeleton prefilled;
 * the commune administrator edits the commune's own copy from visible links (the national default stays) and can
 * go back to it.
 */
@XasoIntegrationTest
class DocumentTemplatePagesTests {

	/** Phụ lục III, mục I (administrative documents; copies and the HĐND's Nghị quyết aside). */
	static final Set<String> APPENDIX_III = Set.of("Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn",
			"Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng", "Công văn", "Công điện",
			"Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu", "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển",
			"Phiếu báo");

	@Autowired
	DocumentTemplates templates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@LocalServerPort
	int port;

	@Test
	void everyAppendixThreeTypeHasATemplateWithItsSkeleton() {
		var actor = new Actor(DemoData.YEN_MO, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));
		var drafted = DocumentType.draftableTypes().stream().map(DocumentType::label).toList();
		assertThat(drafted).containsAll(APPENDIX_III);
		for (var type : DocumentType.draftableTypes()) {
			var t = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> templates.forType(actor, type)).orElseThrow(() -> new AssertionError(type));
			assertThat(t.body()).as(type.name()).contains("…").hasSizeGreaterThan(60);
		}
		var actorTemplates = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> templates.forType(actor, DocumentType.GIAY_GIOI_THIEU))
			.orElseThrow();
		assertThat(actorTemplates.body()).contains("trân trọng giới thiệu", "Được cử đến", "Giấy này có giá trị đến hết ngày");
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> templates.forType(actor, DocumentType.GIAY_NGHI_PHEP)).orElseThrow()
			.body()).contains("Được nghỉ phép năm");
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> templates.forType(actor, DocumentType.CONG_DIEN)).orElseThrow()
			.body()).contains("điện:");
	}

	@Test
	void theAdministratorEditsTheCommunesOwnCopyAndTheNationalOneStays() {
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var workspace = admin.get("/workspace").body();
		assertThat(workspace).contains("href=\"/documents/templates\"");
		var list = admin.get("/documents/templates").body();
		assertThat(list).contains("href=\"/documents/templates/GIAY_MOI\"", "Sửa mẫu Giấy giới thiệu", "Sửa mẫu Quyết định");
		var page = admin.get("/documents/templates/GIAY_MOI").body();
		assertThat(textarea(page, "body")).contains("Thời gian:", "Địa điểm:");
		String shared = sharedBody("GIAY_MOI");

		// an empty body: refused with the message, nothing saved
		var bad = admin.post("/documents/templates/GIAY_MOI", Map.of("summary", "Dự …", "body", " ", "recipients", "", "signerAuthority",
				"TM. Ủy ban nhân dân", "signerTitle", "Chủ tịch"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Hãy ghi nội dung mẫu");

		var own = "Ủy ban nhân dân xã Yên Mô trân trọng kính mời: …\nTới dự: …\nThời gian: …\nĐịa điểm: Hội trường nhà văn hóa xã "
				+ UUID.randomUUID();
		var saved = admin.post("/documents/templates/GIAY_MOI", Map.of("summary", "Dự …", "body", own, "recipients", "Như thành phần mời",
				"signerAuthority", "TM. Ủy ban nhân dân", "signerTitle", "Chủ tịch"));
		assertThat(saved.statusCode()).isIn(200, 302, 303);
		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		assertThat(textarea(clerk.get("/documents/outgoing/new?type=GIAY_MOI").body(), "body")).isEqualTo(own);
		assertThat(sharedBody("GIAY_MOI")).isEqualTo(shared);
		assertThat(admin.get("/documents/templates").body()).contains("Mẫu riêng");
		// the clerk cannot edit templates
		assertThat(clerk.get("/documents/templates").statusCode()).isEqualTo(403);

		// back to the national template
		admin.post("/documents/templates/GIAY_MOI/reset", Map.of());
		assertThat(textarea(clerk.get("/documents/outgoing/new?type=GIAY_MOI").body(), "body")).isEqualTo(shared);
		// a type that is not drafted here: 404
		assertThat(admin.get("/documents/templates/NGHI_QUYET").statusCode()).isEqualTo(404);
	}

	private String sharedBody(String type) {
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select body from document_template where unit_code is null and type = ?").param(type).query(String.class).single()));
	}

	private static String textarea(String html, String name) {
		var m = Pattern.compile("<textarea id=\"f-" + name + "\"[^>]*>([^<]*)</textarea>").matcher(html);
		assertThat(m.find()).as("textarea " + name).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
	}
}
