package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.testing.PdfLayout;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A Quyết định drafted, approved (chairman's signature) and released (number, date, seal) in Xã Yên Mô, checked
 * against each rule of Nghị định 30/2020 Phụ lục I on the released PDF's glyph positions, sizes and fonts, its
 * rules and images: quốc hiệu and tiêu ngữ with the full-length rule; the issuing body as one bold block with a
 * short rule; "Số: 01/QĐ-UBND" without a gap; place and date in italics; type and summary bold with their rule;
 * "Căn cứ" italic, "Điều" bold; the signer's lines bold in Times New Roman (Liberation Serif) 13–14 pt; the
 * seal over about a third of the signature. The file stays at most 150 KB and both signatures stay valid.
 */
@XasoIntegrationTest
class DocumentAppendixOneLayoutTests {

	@Autowired
	Documents documents;

	@Autowired
	SignatureVerification verification;

	@Test
	void releasedQuyetDinhFollowsAppendixOne() throws Exception {
		var body = String.join("\n", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
				"Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
				"Theo đề nghị của công chức Văn phòng - Thống kê.", "QUYẾT ĐỊNH:",
				"Điều 1. Thành lập Tổ công nghệ số cộng đồng thôn Bình Hải gồm các ông, bà có tên sau đây.",
				"Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
				"Điều 3. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
		var draft = new Documents.Draft(DocumentType.QUYET_DINH, "Về việc thành lập Tổ công nghệ số cộng đồng thôn Bình Hải", body,
				"Như Điều 3\nThường trực Đảng ủy xã", "", "Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân");
		long id = DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER, draft);
		var released = Tenancy.callAs(UnitScope.of("14701"),
				() -> documents.release(DocumentFixtures.CLERK, id, DemoData.SIGNING_PASSWORD.toCharArray()));
		byte[] pdf = Tenancy.callAs(UnitScope.of("14701"), () -> documents.pdf(DocumentFixtures.CLERK, id).orElseThrow());
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "document-appendix-one.pdf"), pdf);
		var page = PdfLayout.read(pdf, 0);

		// fonts: Times New Roman's metric twin everywhere, nothing below 10 pt (no DejaVu 6.8 pt)
		assertThat(page.glyphs()).isNotEmpty().allSatisfy(g -> {
			assertThat(g.font()).as(g.text()).contains("LiberationSerif");
			assertThat(g.size()).as(g.text()).isGreaterThanOrEqualTo(10f);
		});

		// 1. quốc hiệu 12–13 bold; tiêu ngữ 13–14 bold, centred under it, a rule as long as the motto right below
		var qh = page.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").orElseThrow();
		assertThat(qh.allBold()).isTrue();
		assertThat(qh.minSize()).isBetween(12f, 13f);
		var tn = page.line("Độc lập - Tự do - Hạnh phúc").orElseThrow();
		assertThat(tn.allBold()).isTrue();
		assertThat(tn.minSize()).isBetween(13f, 14f);
		assertThat(tn.centre()).isCloseTo(qh.centre(), within(2f));
		var motto = page.rules().stream().filter(r -> r.y() > tn.y() && r.y() < tn.y() + 8 && under(r, tn)).findFirst().orElseThrow();
		assertThat(motto.width()).isCloseTo(tn.right() - tn.left(), within(3f));
		assertThat(motto.centre()).isCloseTo(tn.centre(), within(2f));

		// 2. the issuing body without a parent body: both lines bold, 12–13, centred together, a 1/3–1/2 rule under it
		var ubnd = page.line("ỦY BAN NHÂN DÂN").orElseThrow();
		var xa = page.line("XÃ YÊN MÔ").orElseThrow();
		assertThat(ubnd.allBold()).as("ỦY BAN NHÂN DÂN is bold").isTrue();
		assertThat(xa.allBold()).isTrue();
		assertThat(ubnd.minSize()).isBetween(12f, 13f);
		assertThat(ubnd.centre()).isCloseTo(xa.centre(), within(2f));
		assertThat(ubnd.right()).isLessThan(qh.left());
		float longest = Math.max(ubnd.right() - ubnd.left(), xa.right() - xa.left());
		var bodyRule = page.rules().stream().filter(r -> r.y() > xa.y() && r.y() < xa.y() + 10 && under(r, xa)).findFirst().orElseThrow();
		assertThat(bodyRule.width() / longest).isBetween(1f / 3, 1f / 2);
		assertThat(bodyRule.centre()).isCloseTo(xa.centre(), within(2f));

		// 3. "Số: 01/QĐ-UBND": 13 pt, upright, no gap before the slash, centred under the issuing body
		var number = page.anyLine("Số:").orElseThrow();
		assertThat(number.text()).isEqualTo("Số: " + released.numberSymbol());
		assertThat(released.numberSymbol()).matches("\\d{2,}/QĐ-UBND");
		assertThat(number.minSize()).isEqualTo(13f, within(0.1f));
		assertThat(number.visible()).noneMatch(g -> g.bold() || g.italic());
		var glyphs = number.visible();
		int slash = glyphs.stream().map(PdfLayout.Glyph::text).toList().indexOf("/");
		var digit = glyphs.get(slash - 1);
		assertThat(glyphs.get(slash).x() - (digit.x() + digit.width())).as("gap before /").isLessThan(1f);
		assertThat(number.centre()).isCloseTo(xa.centre(), within(3f));

		// 4. place and date: italic 13–14, full date with leading zeros, centred under the motto
		var date = page.anyLine("Yên Mô, ngày").orElseThrow();
		var d = released.issuedOn();
		assertThat(date.text()).isEqualTo(vn.xaso.documents.internal.DocumentRenderer.placeAndDate("Yên Mô", d));
		assertThat(date.text()).matches("Yên Mô, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}");
		assertThat(date.allItalic()).isTrue();
		assertThat(date.minSize()).isBetween(13f, 14f);
		assertThat(date.centre()).isCloseTo(tn.centre(), within(3f));
		assertThat(d).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));

		// 5. type and summary: bold 13–14, centred; a 1/3–1/2 rule under the summary
		var type = page.line("QUYẾT ĐỊNH").filter(l -> l.text().equals("QUYẾT ĐỊNH")).orElseThrow();
		assertThat(type.allBold()).isTrue();
		assertThat(type.minSize()).isBetween(13f, 14f);
		var summary = page.line("Về việc thành lập").orElseThrow();
		assertThat(summary.allBold()).isTrue();
		assertThat(summary.minSize()).isBetween(13f, 14f);
		assertThat(summary.centre()).isCloseTo(type.centre(), within(2f));
		var summaryRule = page.rules().stream().filter(r -> r.y() > summary.y() && r.y() < summary.y() + 12 && under(r, summary)).findFirst()
			.orElseThrow();
		assertThat(summaryRule.width() / (summary.right() - summary.left())).isBetween(1f / 3, 1f / 2);

		// 6. "Căn cứ" italic; "Điều 1." bold (its content upright); "QUYẾT ĐỊNH:" bold; body 13–14
		var canCu = page.lines().stream().filter(l -> l.text().startsWith("Căn cứ")).toList();
		assertThat(canCu).hasSize(2).allSatisfy(l -> {
			assertThat(l.allItalic()).as(l.text()).isTrue();
			assertThat(l.minSize()).isBetween(13f, 14f);
		});
		for (var n : new String[] { "Điều 1.", "Điều 2.", "Điều 3." }) {
			var article = page.line(n).orElseThrow();
			var head = article.visible().subList(0, n.replace(" ", "").length());
			assertThat(head).as(n).allMatch(PdfLayout.Glyph::bold);
			assertThat(article.visible().getLast().bold()).as(n + " content").isFalse();
		}
		assertThat(page.line("QUYẾT ĐỊNH:").orElseThrow().allBold()).isTrue();

		// 7. the signer's authority, title and name: bold, 13–14 pt
		for (var s : new String[] { "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Hùng" }) {
			var line = page.lines().stream().filter(l -> l.text().equals(s)).reduce((a, b) -> b).orElseThrow();
			assertThat(line.allBold()).as(s).isTrue();
			assertThat(line.minSize()).as(s).isBetween(13f, 14f);
		}

		// 8. the seal (organisation's signature) covers about a third of the signature image, on its left
		var signature = page.signatureImages(0);
		var seal = page.signatureImages(1);
		assertThat(signature).hasSize(1);
		assertThat(seal).hasSize(1);
		var sig = signature.getFirst();
		var red = seal.getFirst();
		assertThat(red.x()).isLessThan(sig.x());
		assertThat((red.right() - sig.x()) / sig.width()).as("share of the signature under the seal").isBetween(0.28f, 0.38f);
		assertThat(red.width()).isCloseTo(36 * 72f / 25.4f, within(2f));
		var name = page.lines().stream().filter(l -> l.text().equals("Đinh Văn Hùng")).reduce((a, b) -> b).orElseThrow();
		assertThat(sig.y() + sig.height()).as("signature image above the name").isLessThan(name.y());

		// size and signatures
		assertThat(pdf.length).as("released PDF bytes").isLessThanOrEqualTo(150 * 1024);
		var report = verification.verify(pdf);
		assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.intact()).isTrue());
		var pdfsig = DocumentSigningEndToEndTests.pdfsig(pdf);
		assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
	}

	/** The rule lies under the line's centre. */
	private static boolean under(PdfLayout.Rule rule, PdfLayout.Line line) {
		return rule.x() < line.centre() && rule.x() + rule.width() > line.centre();
	}
}
