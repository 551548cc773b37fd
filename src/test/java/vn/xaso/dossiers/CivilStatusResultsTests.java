package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.Blanks;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 21: the marriage certificate and the death extract are filled like the birth extract — from the e-form and
 * the specialist's entries, "Số:" from the commune's marriage (KH) or death (KT) register, previewed, and never
 * signed while a line is blank or still holds a blank marker ("…", "...", "[…]").
 */
@XasoIntegrationTest
class CivilStatusResultsTests {

	static final String DEATH = "1.000656";

	@Autowired
	Dossiers dossiers;

	@Autowired
	Results results;

	@Autowired
	JdbcClient jdbc;

	@Test
	void blankMarkersAreFoundAndPlaced() {
		assertThat(Blanks.in("Điều 1. Kiện toàn tổ")).isEmpty();
		assertThat(Blanks.in("Căn cứ …;")).contains("…");
		assertThat(Blanks.in("Theo đề nghị của ......")).contains("...");
		assertThat(Blanks.in("Điều 2. [...]")).contains("[...]");
		assertThat(Blanks.in("Kính gửi: {{nơi nhận}}")).contains("{{");
		assertThat(Blanks.where("QUYẾT ĐỊNH:\nĐiều 1. …\nĐiều 2. Hiệu lực")).isEqualTo("Điều 1. …");
	}

	@Test
	void marriageCertificateIsFilledFromTheEformSignedWithTheMarriageRegisterNumber() throws Exception {
		long id = marriage(dossiers, jdbc, "0988000001").dossierId();
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));

		var sheet = results.sheet(SPECIALIST, id);
		assertThat(sheet.registerName()).isEqualTo("Sổ đăng ký kết hôn");
		assertThat(sheet.lines()).extracting(Results.Line::key).contains("groomName", "groomIdNumber", "brideResidence", "brideNationality");
		assertThat(sheet.lines()).filteredOn(l -> l.key().equals("groomIdNumber")).singleElement()
			.satisfies(l -> assertThat(l.value()).isEqualTo("037096004321"));
		assertThat(sheet.missing()).isEmpty();

		// a line emptied by the specialist: the chairman cannot sign, the message names it
		var entries = new HashMap<String, String>();
		sheet.lines().forEach(l -> entries.put(l.key(), l.value()));
		entries.put("groomResidence", "");
		assertThat(results.save(SPECIALIST, id, entries).missing()).containsExactly("Nơi cư trú của chồng");
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đủ điều kiện"));
		var version = d.version();
		assertThatThrownBy(() -> dossiers.act(LEADER, id, approve(version))).isInstanceOf(DossierException.class)
			.hasMessageContaining("còn để trống Nơi cư trú của chồng");
		d = dossiers.act(LEADER, id, ActionRequest.of("send_back", d.version(), "Điền nơi cư trú"));

		// a blank marker typed in is refused on the page, nothing saved
		entries.put("groomResidence", "Thôn …");
		assertThatThrownBy(() -> results.save(SPECIALIST, id, entries)).isInstanceOf(DossierException.class)
			.hasMessageContaining("Nơi cư trú của chồng").hasMessageContaining("còn chỗ trống");
		entries.put("groomResidence", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình");
		sheet = results.save(SPECIALIST, id, entries);
		assertThat(sheet.missing()).isEmpty();
		var shown = format(sheet.registerNumber());
		var preview = DossierResultFillingTests.text(results.preview(SPECIALIST, id));
		assertThat(preview).contains("GIẤY CHỨNG NHẬN KẾT HÔN", "Số: " + shown + "\n", "PHẠM VĂN DŨNG", "TRẦN THỊ HOA", "037198001234",
				"01/02/1996", "Thôn Yên Hòa, xã Yên Mô, tỉnh Ninh Bình").doesNotContain("…");

		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đã điền đủ"));
		d = dossiers.act(LEADER, id, approve(d.version()));
		assertThat(d.state()).isEqualTo("approved");
		var signed = DossierResultFillingTests.text(dossiers.resultPdf(LEADER, id).orElseThrow());
		assertThat(signed).contains("GIẤY CHỨNG NHẬN KẾT HÔN", "Số: " + shown + "\n").doesNotContain("Số: " + d.code())
			.doesNotContain("…").doesNotContain("...");
	}

	@Test
	void deathExtractNeedsTheSpecialistsEntriesBeforeItIsSigned() throws Exception {
		var form = new LinkedHashMap<String, String>();
		form.put("requesterRelation", "Con");
		form.put("deceasedName", "Phạm Văn Tư");
		form.put("deceasedBirthDate", "1940-03-15");
		form.put("deathDate", "2026-11-20");
		form.put("deathPlace", "Tại nhà, thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
		form.put("pledge", "true");
		var receipt = dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, DEATH, Channel.COUNTER, citizenId(jdbc, "0988000001"),
				applicant("0988000001"), form, null), papers());
		long id = receipt.dossierId();
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
		var sheet = results.sheet(SPECIALIST, id);
		assertThat(sheet.registerName()).isEqualTo("Sổ đăng ký khai tử");
		assertThat(sheet.missing()).contains("Giới tính người đã mất", "Nơi cư trú cuối cùng", "Nguyên nhân mất",
				"Giấy báo tử hoặc giấy tờ thay thế (số, ngày, nơi cấp)", "Số định danh cá nhân người đã mất")
			.doesNotContain("Họ, chữ đệm, tên người đã mất", "Ngày mất", "Dân tộc người đã mất");
		assertThat(sheet.lines()).filteredOn(l -> l.key().equals("deathDate")).singleElement()
			.satisfies(l -> assertThat(l.shown()).isEqualTo("20/11/2026"));
		assertThat(sheet.registerNumber()).isNull();

		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Trình ký"));
		var version = d.version();
		assertThatThrownBy(() -> dossiers.act(LEADER, id, approve(version))).isInstanceOf(DossierException.class)
			.hasMessageContaining("Chưa ký được").hasMessageContaining("Nơi cư trú cuối cùng");
		d = dossiers.act(LEADER, id, ActionRequest.of("send_back", d.version(), "Điền đủ trích lục"));
		assertThatThrownBy(() -> results.save(SPECIALIST, id, Map.of("deceasedSex", "Không rõ"))).isInstanceOf(DossierException.class)
			.hasMessageContaining("Nam hoặc Nữ");
		sheet = results.save(SPECIALIST, id, Map.of("deceasedSex", "Nam", "deceasedResidence", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình",
				"deathCause", "Tuổi cao", "deathNotice", "Giấy báo tử số 12 ngày 20/11/2026 của Trạm y tế xã Yên Mô",
				"deceasedIdNumber", "037040000123"));
		assertThat(sheet.missing()).isEmpty();
		var shown = format(sheet.registerNumber());
		var preview = DossierResultFillingTests.text(results.preview(SPECIALIST, id));
		assertThat(preview).contains("TRÍCH LỤC KHAI TỬ", "Số: " + shown + "/TLKT", "PHẠM VĂN TƯ", "20/11/2026", "Giấy báo tử số 12",
				"Trần Thị Hoa").doesNotContain("…");

		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đã điền đủ"));
		d = dossiers.act(LEADER, id, approve(d.version()));
		assertThat(d.state()).isEqualTo("approved");
		var signed = DossierResultFillingTests.text(dossiers.resultPdf(LEADER, id).orElseThrow());
		assertThat(signed).contains("Số: " + shown + "/TLKT", "Nam", "037040000123").doesNotContain("…").doesNotContain("Số: " + d.code());
	}

	private static ActionRequest approve(long version) {
		return new ActionRequest("approve", version, "", null, null, null, DemoData.SIGNING_PASSWORD.toCharArray(), null, List.of());
	}

	private static String format(Integer number) {
		assertThat(number).isNotNull();
		return number < 10 ? "0" + number : Integer.toString(number);
	}
}
