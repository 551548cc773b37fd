package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.documents.DocumentFixtures.*;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21: a document drafted from a template and submitted with the template's blanks still in it ("Căn cứ …;",
 * "Theo đề nghị của ......", "[…]") is not signed: the leader gets a message naming the field and the line, and the
 * document stays submitted with no signature; once filled it signs.
 */
@XasoIntegrationTest
class DocumentBlanksTests {

	@Autowired
	Documents documents;

	@Test
	void aDraftWithTemplateBlanksIsNotSigned() {
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			var blank = new Documents.Draft(DocumentType.QUYET_DINH, "Về việc kiện toàn Tổ công nghệ số cộng đồng",
					"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ …;\nĐiều 1. Kiện toàn tổ.",
					"Như Điều 3", "", "Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân");
			long id = documents.draft(CLERK, blank);
			documents.submit(CLERK, id);
			assertThatThrownBy(() -> documents.approve(LEADER, id, DemoData.SIGNING_PASSWORD.toCharArray()))
				.isInstanceOf(DocumentException.class).hasMessageContaining("Nội dung").hasMessageContaining("Căn cứ …;")
				.satisfies(e -> assertThat(((DocumentException) e).field()).isEqualTo("password"));
			var doc = documents.find(LEADER, id).orElseThrow();
			assertThat(doc.status()).isEqualTo(Document.SUBMITTED);

			var dotted = new Documents.Draft(DocumentType.THONG_BAO, "Về việc lịch tiếp công dân tháng ......",
					"Ủy ban nhân dân xã thông báo lịch tiếp công dân.", "[…]", "", "Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân");
			long second = documents.draft(CLERK, dotted);
			documents.submit(CLERK, second);
			assertThatThrownBy(() -> documents.approve(LEADER, second, DemoData.SIGNING_PASSWORD.toCharArray()))
				.isInstanceOf(DocumentException.class).hasMessageContaining("Trích yếu");

			// filled in: signs
			var filled = new Documents.Draft(DocumentType.QUYET_DINH, "Về việc kiện toàn Tổ công nghệ số cộng đồng",
					"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nĐiều 1. Kiện toàn tổ.", "Như Điều 3", "",
					"Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân");
			long ok = approved(documents, CLERK, LEADER, filled);
			assertThat(documents.find(LEADER, ok).orElseThrow().status()).isEqualTo(Document.APPROVED);
		});
	}
}
