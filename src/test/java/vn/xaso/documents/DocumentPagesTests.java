package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/** Through the real pages: a specialist drafts, the chairman approves, the clerk releases, the PDF downloads. */
@XasoIntegrationTest
class DocumentPagesTests {

	@LocalServerPort
	int port;

	@Test
	void draftApproveReleaseThroughTheForms() {
		var specialist = new WebSession(port).signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		assertThat(specialist.get("/documents/outgoing/new").body()).contains("Chọn loại văn bản cần soạn");
		var bad = specialist.post("/documents/outgoing", Map.of("type", "THONG_BAO", "summary", " "));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Hãy ghi trích yếu");
		var created = specialist.post("/documents/outgoing", Map.of("type", "THONG_BAO", "summary", "Thông báo lịch tiếp công dân tháng 12",
				"body", "Ủy ban nhân dân xã thông báo lịch tiếp công dân.", "recipients", "Các thôn\nNhân dân trong xã",
				"signerName", "Đinh Văn Hùng", "signerTitle", "Chủ tịch", "signerAuthority", "TM. Ủy ban nhân dân"));
		assertThat(created.statusCode()).isEqualTo(302);
		var path = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(specialist.post(path + "/submit", Map.of()).statusCode()).isEqualTo(302);
		assertThat(specialist.post(path + "/approve", Map.of()).statusCode()).isEqualTo(403);

		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		assertThat(leader.post(path + "/approve", Map.of("password", vn.xaso.demo.DemoData.SIGNING_PASSWORD)).statusCode()).isEqualTo(302);

		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		assertThat(clerk.post(path + "/release", Map.of("password", vn.xaso.demo.DemoData.SIGNING_PASSWORD)).statusCode()).isEqualTo(302);
		var detail = clerk.get(path).body();
		assertThat(detail).containsPattern("\\d{2,}/TB-UBND").contains("Đã phát hành");
		var pdf = clerk.get(path + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF-");
		assertThat(clerk.get("/documents?q=tiep+cong+dan&dir=out").body()).contains("Thông báo lịch tiếp công dân tháng 12");

		var other = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(other.get(path).statusCode()).isEqualTo(404);
	}
}
