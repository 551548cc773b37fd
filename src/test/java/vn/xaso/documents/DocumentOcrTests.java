package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.documents.internal.Ocr;
import vn.xaso.documents.internal.PdfInspector;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** A scanned incoming document (a picture of text, no PDF text) is read by Tesseract and found by search. */
@XasoIntegrationTest
class DocumentOcrTests {

	@Autowired
	Documents documents;

	@Autowired
	Ocr ocr;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void scannedIncomingDocumentIsFoundByItsOcrText() throws Exception {
		assertThat(listLangs()).as("Tesseract with the Vietnamese model is required for this test: "
				+ "apt-get install tesseract-ocr tesseract-ocr-vie ('tesseract --list-langs' must list 'vie')")
			.containsPattern("(?m)^vie$");
		assertThat(ocr.available()).as("Ocr did not detect tesseract with 'vie'").isTrue();

		var pdf = scan("QUYẾT ĐỊNH", "về việc công nhận khai sinh", "lưu động tại thôn Đông");
		assertThat(PdfInspector.inspect(pdf).text()).as("the test PDF must have no text of its own").isBlank();

		Tenancy.runAs(UnitScope.of("14701"), () -> {
			long id = documents.register(DocumentFixtures.CLERK, new Documents.Incoming("UBND tỉnh Ninh Bình", "88/QĐ-UBND",
					LocalDate.now(Documents.VIETNAM).minusDays(1), DocumentType.QUYET_DINH, "Văn bản scan số 88",
					"Trần Văn Bình", "thuong", 0, pdf));
			var text = tx.execute(s -> jdbc.sql("select pdf_text from document where id = ?").param(id)
				.query(String.class).single());
			assertThat(text).as("OCR text of the scan").contains("khai sinh");
			var hits = documents.search(DocumentFixtures.CLERK,
					new Documents.Search("khai sinh", false, null, null, null, null, null, null, 0, 200));
			assertThat(hits.rows()).extracting(Documents.Row::id).contains(id);
			var scanOnly = documents.search(DocumentFixtures.CLERK,
					new Documents.Search("cong nhan khai sinh luu dong", false, null, null, null, null, null, null, 0, 200));
			assertThat(scanOnly.rows()).extracting(Documents.Row::id).contains(id);
		});
	}

	private static String listLangs() {
		try {
			var process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
			var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(20, TimeUnit.SECONDS);
			return out;
		}
		catch (Exception e) {
			return "tesseract not runnable: " + e;
		}
	}

	/** An A4 page whose only content is a 150 dpi picture of the lines, black on white. */
	private static byte[] scan(String... lines) throws Exception {
		var image = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		try (var in = Documents.class.getResourceAsStream("/liberation/LiberationSerif-Regular.ttf")) {
			g.setFont(Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(40f));
		}
		int y = 200;
		for (var line : lines) {
			g.drawString(line, 120, y);
			y += 70;
		}
		g.dispose();
		try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
			var page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			try (var content = new PDPageContentStream(doc, page)) {
				content.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, PDRectangle.A4.getWidth(),
						PDRectangle.A4.getHeight());
			}
			doc.save(out);
			return out.toByteArray();
		}
	}
}
