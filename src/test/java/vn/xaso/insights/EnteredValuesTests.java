package vn.xaso.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/** Survey figures entered by the commune with an evidence file, checked by content, rolled up as sums. */
@XasoIntegrationTest
class EnteredValuesTests {

	@Autowired
	Indicators indicators;

	@LocalServerPort
	int port;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void theLeaderEntersASurveyFigureWithEvidenceAndTheProvinceSumsIt() {
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		leader.get("/insights/14701/PEOPLE_SMARTPHONE");
		var fake = leader.upload("/insights/14701/PEOPLE_SMARTPHONE/entries", Map.of("periodStart", "2019-01-01", "periodEnd",
				"2019-12-31", "numerator", "1.830", "denominator", "2.400"), "evidence", "bien-ban.pdf",
				"không phải PDF".getBytes(StandardCharsets.UTF_8));
		assertThat(fake.statusCode()).isEqualTo(302);
		assertThat(leader.get("/insights/14701/PEOPLE_SMARTPHONE").body()).contains("phải là PDF, JPEG hoặc PNG thật")
			.contains("Chưa có số liệu nào được nhập");
		var bad = leader.upload("/insights/14701/PEOPLE_SMARTPHONE/entries", Map.of("periodStart", "2019-01-01", "periodEnd",
				"2019-12-31", "numerator", "2.500", "denominator", "2.400"), "evidence", "bien-ban.pdf", PDF);
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(leader.get("/insights/14701/PEOPLE_SMARTPHONE").body()).contains("Tử số không được lớn hơn mẫu số");
		var ok = leader.upload("/insights/14701/PEOPLE_SMARTPHONE/entries", Map.of("periodStart", "2019-01-01", "periodEnd",
				"2019-12-31", "numerator", "1.830", "denominator", "2.400", "note", "Điều tra hộ gia đình tháng 11"), "evidence",
				"bien-ban.pdf", PDF);
		assertThat(ok.statusCode()).isEqualTo(302);
		var page = leader.get("/insights/14701/PEOPLE_SMARTPHONE?from=2019-01-01&to=2019-12-31");
		assertThat(page.body()).contains("Đã lưu số liệu và minh chứng").contains("76,3").contains("bien-ban.pdf");
		var province = new WebSession(port).signInOfficial("ninhbinh.tinh", DemoData.PASSWORD);
		var provincePage = province.get("/insights/37/PEOPLE_SMARTPHONE?from=2019-01-01&to=2019-12-31");
		assertThat(provincePage.body()).contains("76,3");
		// Another commune cannot enter Yên Mô's figures nor read its evidence.
		var ngaAn = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		ngaAn.get("/insights/16144");
		assertThat(ngaAn.upload("/insights/14701/PEOPLE_SMARTPHONE/entries", Map.of("numerator", "1"), "evidence", "x.pdf", PDF)
			.statusCode()).isEqualTo(403);
		var value = vn.xaso.platform.tenancy.Tenancy.callAs(vn.xaso.platform.tenancy.UnitScope.systemWide(),
				() -> indicators.value(indicators.find("PEOPLE_SMARTPHONE").orElseThrow(), DemoData.NINH_BINH, LocalDate.of(2019, 1, 1),
						LocalDate.of(2019, 12, 31)));
		assertThat(value.numerator()).isEqualByComparingTo("1830");
		assertThat(value.denominator()).isEqualByComparingTo("2400");
	}
}
