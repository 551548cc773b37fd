package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.testing.PdfLayout;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A birth registration's extract "(Bản chính)" is filled before it is signed: the chairman cannot sign it while a
 * line is blank (plain Vietnamese naming the blanks); the specialist completes it on the result page (prefilled
 * from the e-form) and previews it; the signed PDF has no "…", its "Số:" is the entry's number in the commune's
 * birth register (sổ đăng ký khai sinh) for the year — not the dossier code — and the one-stop officer seals it
 * with the commune's signature: two valid signatures, the seal image over the chairman's signature.
 */
@XasoIntegrationTest
class DossierResultFillingTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	Results results;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignatureVerification verification;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@LocalServerPort
	int port;

	@Test
	void birthExtractIsFilledPreviewedSignedWithTheRegisterNumberAndSealed() throws Exception {
		var receipt = counter(dossiers, jdbc, "0988000001", "Phạm Gia Khánh");
		long id = receipt.dossierId();
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));

		// prefilled from the e-form; what the e-form lacks is listed as blank
		var sheet = results.sheet(SPECIALIST, id);
		assertThat(sheet.editable()).isTrue();
		assertThat(sheet.lines()).anySatisfy(l -> {
			assertThat(l.key()).isEqualTo("childName");
			assertThat(l.value()).isEqualTo("Phạm Gia Khánh");
		});
		assertThat(sheet.lines()).filteredOn(l -> l.key().equals("childBirthDate")).singleElement()
			.satisfies(l -> assertThat(l.shown()).isEqualTo("10/11/2026"));
		assertThat(sheet.missing()).contains("Quê quán", "Số định danh cá nhân của trẻ");
		assertThat(sheet.registerNumber()).isNull();

		// the chairman cannot sign a result with blanks
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đủ điều kiện"));
		var version = d.version();
		assertThatThrownBy(() -> dossiers.act(LEADER, id, new ActionRequest("approve", version, "", null, null, null,
				DemoData.SIGNING_PASSWORD.toCharArray(), null, List.of())))
			.isInstanceOf(DossierException.class).hasMessageContaining("còn để trống").hasMessageContaining("Quê quán");
		d = dossiers.find(LEADER, id).orElseThrow();
		assertThat(d.state()).isEqualTo("awaiting_approval");
		assertThat(d.verifyToken()).isNull();
		// not editable while waiting for the chairman
		assertThatThrownBy(() -> results.save(SPECIALIST, id, Map.of("childHometown", "Xã Yên Mô"))).isInstanceOf(DossierException.class);
		d = dossiers.act(LEADER, id, ActionRequest.of("send_back", d.version(), "Điền đủ trích lục trước khi trình"));

		// bad input: a specific message, nothing saved
		assertThatThrownBy(() -> results.save(SPECIALIST, id, Map.of("childSex", "Khác"))).isInstanceOf(DossierException.class)
			.hasMessageContaining("Nam hoặc Nữ");
		var entries = new HashMap<String, String>();
		sheet.lines().forEach(l -> entries.put(l.key(), l.value()));
		entries.put("childHometown", "Xã Yên Mô, tỉnh Ninh Bình");
		entries.put("childIdNumber", "037226001122");
		entries.put("motherBirthDate", "1995");
		entries.put("motherResidence", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
		entries.put("fatherBirthDate", "1993");
		entries.put("fatherResidence", "Thôn Bình Hải, xã Yên Mô, tỉnh Ninh Bình");
		sheet = results.save(SPECIALIST, id, entries);
		assertThat(sheet.missing()).isEmpty();
		assertThat(sheet.registerNumber()).isNotNull();
		int number = sheet.registerNumber();
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
		int counter = Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql(
				"select last_number from civil_status_register where unit_code = '14701' and book = 'KS' and year = ?").param(year)
			.query(Integer.class).single()));
		assertThat(number).isBetween(1, counter);
		var shown = number < 10 ? "0" + number : Integer.toString(number);

		var preview = results.preview(SPECIALIST, id);
		assertThat(text(preview)).doesNotContain("…").contains("Số: " + shown + "/TLKS").contains("PHẠM GIA KHÁNH");

		// the chairman signs what was previewed
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đã điền đủ trích lục"));
		d = dossiers.act(LEADER, id, new ActionRequest("approve", d.version(), "", null, null, null, DemoData.SIGNING_PASSWORD.toCharArray(), null,
				List.of()));
		assertThat(d.state()).isEqualTo("approved");
		var signed = dossiers.resultPdf(LEADER, id).orElseThrow();
		var signedText = text(signed);
		assertThat(signedText).doesNotContain("…").contains("Số: " + shown + "/TLKS").doesNotContain("Số: " + d.code())
			.contains("037226001122", "Xã Yên Mô, tỉnh Ninh Bình", "(Bản chính)");
		// the same text as previewed (only the verification link, made at signing, differs)
		assertThat(text(preview).replaceAll("(?s)Kiểm tra bản điện tử.*", "")).isEqualTo(signedText.replaceAll("(?s)Kiểm tra bản điện tử.*", ""));

		// sealed by the one-stop officer: two valid signatures, the seal over a third of the chairman's signature
		assertThat(results.sheet(ONE_STOP, id).canSeal()).isTrue();
		assertThat(results.sheet(SPECIALIST, id).canSeal()).isFalse();
		assertThatThrownBy(() -> results.seal(ONE_STOP, id, "sai-mat-khau".toCharArray())).isInstanceOf(DossierException.class)
			.hasMessageContaining("Mật khẩu chữ ký số không đúng");
		results.seal(ONE_STOP, id, DemoData.SIGNING_PASSWORD.toCharArray());
		assertThat(results.sheet(ONE_STOP, id).sealed()).isTrue();
		assertThatThrownBy(() -> results.seal(ONE_STOP, id, DemoData.SIGNING_PASSWORD.toCharArray())).isInstanceOf(DossierException.class);
		var sealed = dossiers.resultPdf(ONE_STOP, id).orElseThrow();
		var report = verification.verify(sealed);
		assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.intact()).isTrue());
		assertThat(report.signatures().get(0).signerName()).isEqualTo("Đinh Văn Hùng");
		var pdfsig = DossierWorkflowTests.pdfsig(sealed);
		assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
		var page = PdfLayout.read(sealed, 0);
		var signature = page.signatureImages(0);
		var seal = page.signatureImages(1);
		assertThat(signature).hasSize(1);
		assertThat(seal).hasSize(1);
		float share = (seal.getFirst().right() - signature.getFirst().x()) / signature.getFirst().width();
		assertThat(share).isBetween(0.28f, 0.38f);
		assertThat(text(sealed)).doesNotContain("…");

		// the page: prefilled values, Vietnamese dates, the preview link; bad input answered with 400 and the message
		var specialist = new WebSession(port).signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		var html = specialist.get("/dossiers/" + id + "/result").body();
		assertThat(html).contains("Phạm Gia Khánh", "10/11/2026", "/dossiers/" + id + "/result/preview.pdf", "Sổ đăng ký khai sinh")
			.doesNotContain("2026-11-10").doesNotContain(">true<");
		assertThat(specialist.post("/dossiers/" + id + "/result", Map.of("childSex", "Khác")).statusCode()).isEqualTo(400);
		var pdf = specialist.getBytes("/dossiers/" + id + "/result/preview.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
	}

	static String text(byte[] pdf) throws Exception {
		try (var doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}
}
