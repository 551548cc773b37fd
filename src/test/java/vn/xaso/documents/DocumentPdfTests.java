package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.documents.internal.PdfInspector;

/** The legal layout of Nghị định 30/2020, Phụ lục I, checked in the PDF's text and in a picture of page 1. */
class DocumentPdfTests {

	static DocumentRenderer.Layout layout(DocumentType type, String numberSymbol) {
		return new DocumentRenderer.Layout(List.of("ỦY BAN NHÂN DÂN", "XÃ YÊN MÔ"), type, numberSymbol,
				type == DocumentType.CONG_VAN ? "UBND-VP" : "QĐ-UBND", "Yên Mô", LocalDate.of(2026, 3, 5),
				"Về việc công nhận kết quả đăng ký khai sinh lưu động năm 2026",
				"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
						+ "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;\n"
						+ "Theo đề nghị của công chức Tư pháp - Hộ tịch xã.\n"
						+ "Điều 1. Công nhận kết quả đăng ký khai sinh lưu động tại các thôn trong xã.\n"
						+ "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
				List.of("Như Điều 2", "Thường trực Đảng ủy xã", "UBND tỉnh Ninh Bình"), "TM. Ủy ban nhân dân", "Chủ tịch",
				"Nguyễn Văn An");
	}

	@Test
	void rendersTheLegalLayoutWithVietnameseText() throws Exception {
		var pdf = DocumentRenderer.render(layout(DocumentType.QUYET_DINH, "05/QĐ-UBND"));
		long t = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			DocumentRenderer.render(layout(DocumentType.QUYET_DINH, "05/QĐ-UBND"));
		}
		System.out.println("render ms each: " + (System.nanoTime() - t) / 5_000_000);
		try (var doc = Loader.loadPDF(pdf)) {
			var page = doc.getPage(0).getMediaBox();
			assertThat(page.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
			assertThat(page.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
			var text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
					"XÃ YÊN MÔ", "Số: 05/QĐ-UBND", "Yên Mô, ngày 05 tháng 3 năm 2026", "QUYẾT ĐỊNH",
					"Về việc công nhận kết quả đăng ký khai sinh", "Điều 1.", "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.",
					"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An");
			var fonts = new java.util.HashSet<String>();
			for (var name : doc.getPage(0).getResources().getFontNames()) {
				fonts.add(doc.getPage(0).getResources().getFont(name).getName());
			}
			assertThat(fonts).allMatch(f -> f.contains("LiberationSerif"));
			var image = new PDFRenderer(doc).renderImageWithDPI(0, 80);
			var out = Path.of("target/screenshots/document-quyet-dinh.png");
			Files.createDirectories(out.getParent());
			ImageIO.write(image, "png", out.toFile());
		}
		assertThat(PdfInspector.inspect(pdf).pages()).isEqualTo(1);
	}

	@Test
	void congVanPutsVvUnderTheNumberAndKinhGuiAboveTheBody() throws Exception {
		var pdf = DocumentRenderer.render(layout(DocumentType.CONG_VAN, "12/UBND-VP"));
		try (var doc = Loader.loadPDF(pdf)) {
			var text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("Số: 12/UBND-VP", "V/v Về việc", "Kính gửi: Như Điều 2", "- Như trên;")
				.doesNotContain("CÔNG VĂN");
			Files.createDirectories(Path.of("target/screenshots"));
			ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png",
					Path.of("target/screenshots/document-cong-van.png").toFile());
		}
	}

	@Test
	void datesFollowTheDecree() {
		assertThat(DocumentRenderer.placeAndDate("Yên Mô", LocalDate.of(2026, 1, 9))).isEqualTo("Yên Mô, ngày 09 tháng 01 năm 2026");
		assertThat(DocumentRenderer.placeAndDate("Yên Mô", LocalDate.of(2026, 12, 25))).isEqualTo("Yên Mô, ngày 25 tháng 12 năm 2026");
	}

	/**
	 * The clerk's number and date stamp (issue 15): an incremental update of a few kilobytes, its two fonts embedded as
	 * subsets of the glyphs drawn (PDFBox 3.0.6 subsets in saveIncremental too; whole Liberation Serif fonts would
	 * add about 0.6 MB).
	 */
	@Test
	void theNumberAndDateStampEmbedsFontSubsetsOnly() throws Exception {
		var blank = new DocumentRenderer.Layout(List.of("ỦY BAN NHÂN DÂN", "XÃ YÊN MÔ"), DocumentType.QUYET_DINH, null, "QĐ-UBND", "Yên Mô",
				null, "Về việc công nhận kết quả đăng ký khai sinh lưu động năm 2026", "Điều 1. Công nhận kết quả.",
				List.of("Như Điều 1"), "TM. Ủy ban nhân dân", "Chủ tịch", "Nguyễn Văn An");
		var approved = DocumentRenderer.render(blank, false);
		var stamped = vn.xaso.documents.internal.PdfStamps.stampNumberAndDate(approved, "05", LocalDate.of(2026, 3, 5));
		assertThat(java.util.Arrays.equals(stamped, 0, approved.length, approved, 0, approved.length)).as("an incremental update").isTrue();
		assertThat(stamped.length - approved.length).as("bytes the stamp adds").isLessThan(30_000);
		try (var doc = Loader.loadPDF(stamped)) {
			var annotations = doc.getPage(0).getAnnotations();
			assertThat(annotations).extracting(a -> a.getContents()).containsExactly("05", "05");
			int fonts = 0;
			for (var annotation : annotations) {
				var resources = annotation.getNormalAppearanceStream().getResources();
				for (var name : resources.getFontNames()) {
					var font = (org.apache.pdfbox.pdmodel.font.PDType0Font) resources.getFont(name);
					assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif.*");
					var file = font.getDescendantFont().getFontDescriptor().getFontFile2();
					assertThat(file).isNotNull();
					assertThat(file.toByteArray().length).as("embedded font bytes").isLessThan(40_000);
					fonts++;
				}
			}
			assertThat(fonts).isEqualTo(2);
		}
	}
}
