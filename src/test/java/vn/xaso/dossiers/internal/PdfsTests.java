package vn.xaso.dossiers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.xaso.platform.VietnameseText;

/** The dossier PDFs render with Vietnamese text in the expected places; copies are kept in target/dossier-pdfs to look at. */
class PdfsTests {

	static final Pdfs.Issuer ISSUER = new Pdfs.Issuer("Xã Yên Mô", "Tỉnh Ninh Bình", "Yên Mô");

	static String text(byte[] pdf, String name) throws Exception {
		var dir = Path.of("target/dossier-pdfs");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), pdf);
		try (var doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
	}

	@Test
	void receiptSlip() throws Exception {
		var pdf = Pdfs.receipt(new Pdfs.ReceiptData(ISSUER, "X14701-261123-0007", "Trần Thị Hoa", "Thôn Bình Hải, xã Yên Mô", "098****001", "",
				"Thủ tục đăng ký khai sinh", List.of("to-khai.pdf", "giay-chung-sinh.png"), "trong ngày làm việc",
				Instant.parse("2026-11-23T02:15:00Z"), LocalDate.of(2026, 11, 23), "Bộ phận tiếp nhận và trả kết quả", "Nguyễn Thị Lan",
				"http://localhost:8080/dossiers/track?code=X14701-261123-0007", 0));
		assertThat(text(pdf, "receipt.pdf")).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "X14701-261123-0007", "09 giờ 15 phút, ngày 23/11/2026",
				"ngày 23/11/2026", "Nguyễn Thị Lan", "Yên Mô, ngày 23 tháng 11 năm 2026");
	}

	@Test
	void apologySlip() throws Exception {
		var pdf = Pdfs.apology(new Pdfs.ApologyData(ISSUER, "X14701-270204-0001", "Trần Thị Hoa", "Thủ tục đăng ký kết hôn",
				Instant.parse("2027-02-04T02:00:00Z"), LocalDate.of(2027, 2, 12), LocalDate.of(2027, 2, 17), "Chờ xác minh", "Đinh Văn Hùng",
				LocalDate.of(2027, 2, 12)));
		assertThat(text(pdf, "apology.pdf")).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "12/02/2027", "17/02/2027", "Chờ xác minh");
	}

	@Test
	void birthExtractAndConfirmation() throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("requesterRelation", "Mẹ");
		form.put("requesterAddress", "Thôn Bình Hải, xã Yên Mô");
		form.put("childName", "Phạm Minh An");
		form.put("childBirthDate", "2026-11-10");
		form.put("childSex", "Nam");
		form.put("childBirthPlace", "Trạm y tế xã Yên Mô");
		form.put("motherName", "Trần Thị Hoa");
		form.put("motherBirthDate", "1998-05-04");
		form.put("fatherName", "Phạm Văn Dũng");
		var birth = Pdfs.result(new Pdfs.ResultData(ISSUER, "birth-extract", "X14701-261123-0007", "Thủ tục đăng ký khai sinh", form, Map.of(),
				"Trần Thị Hoa", "037190001234", "Chủ tịch", "Đinh Văn Hùng", LocalDate.of(2026, 11, 23), "http://localhost:8080/verify/abc"));
		assertThat(text(birth, "birth-extract.pdf")).contains("TRÍCH LỤC KHAI SINH", "PHẠM MINH AN", "10/11/2026",
				"Ngày mười, tháng mười một, năm hai nghìn không trăm hai mươi sáu", "TRẦN THỊ HOA", "1998", "Thôn Bình Hải, xã Yên Mô",
				"Đinh Văn Hùng", "Ủy ban nhân dân xã Yên Mô");
		var confirmation = Pdfs.result(new Pdfs.ResultData(ISSUER, "marital-status", "X14701-261123-0008", "Cấp Giấy xác nhận tình trạng hôn nhân",
				Map.of("purpose", "Đăng ký kết hôn", "pledge", "true"), Map.of("purpose", "Mục đích sử dụng"), "Trần Thị Hoa", "037190001234",
				"Chủ tịch", "Đinh Văn Hùng", LocalDate.of(2026, 11, 23), "http://localhost:8080/verify/abc"));
		assertThat(text(confirmation, "confirmation.pdf")).contains("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN", "Mục đích sử dụng: Đăng ký kết hôn")
			.doesNotContain("pledge");
	}

	@Test
	void numbersInWords() {
		assertThat(VietnameseText.number(21)).isEqualTo("hai mươi mốt");
		assertThat(VietnameseText.number(15)).isEqualTo("mười lăm");
		assertThat(VietnameseText.number(2024)).isEqualTo("hai nghìn không trăm hai mươi tư");
		assertThat(VietnameseText.number(2005)).isEqualTo("hai nghìn không trăm linh năm");
	}
}
