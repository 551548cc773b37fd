package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentType;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The documents pages with axe checks: the registers, the outgoing form, approving with the leader's
 * signing password (a wrong one is refused in plain Vietnamese), releasing with the organisation's, and the
 * detail page showing the checked signatures.
 */
@XasoIntegrationTest
class BrowserDocumentsTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	Documents documents;

	@Test
	void draftApproveWithSignatureReleaseAndSeeTheSignatures() {
		var specialist = new Actor(DemoData.YEN_MO, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));
		long id = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> {
			long d = documents.draft(specialist, new Documents.Draft(DocumentType.THONG_BAO, "Thông báo lịch tiếp công dân tháng 12",
					"Ủy ban nhân dân xã thông báo lịch tiếp công dân.", "Các thôn", "", "Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân"));
			documents.submit(specialist, d);
			return d;
		});

		browser.signIn("yenmo.chutich", BrowserSignInTests.PASSWORD);
		browser.open("/documents");
		browser.check("documents-list");
		browser.open("/documents/outgoing/new");
		browser.check("documents-outgoing-new");

		browser.open("/documents/" + id);
		browser.check("documents-detail-submitted");
		browser.type("#f-password", "sai-mat-khau");
		browser.clickAndWait("form[action='/documents/" + id + "/approve'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Mật khẩu chữ ký số không đúng");
		browser.type("#f-password", DemoData.SIGNING_PASSWORD);
		browser.clickAndWait("form[action='/documents/" + id + "/approve'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã duyệt và ký số", "Lãnh đạo đã ký số cá nhân: Đinh Văn Hùng");
		browser.check("documents-detail-approved");
		browser.signOut();

		browser.signIn("yenmo.vanthu", BrowserSignInTests.PASSWORD);
		browser.open("/documents/" + id);
		browser.type("#f-password", DemoData.SIGNING_PASSWORD);
		browser.clickAndWait("form[action='/documents/" + id + "/release'] button[type=submit]");
		assertThat(browser.bodyText()).contains("Đã phát hành", "Đinh Văn Hùng", "UBND Xã Yên Mô", "Còn nguyên vẹn");
		browser.check("documents-detail-released");
	}
}
