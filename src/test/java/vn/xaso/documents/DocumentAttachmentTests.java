package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Appendices and attachments sent as separate files (Nghị định 30/2020, Phụ lục I): uploaded on the draft's page,
 * signed by the organisation at release at the top right of page 1 without an image, delivered with the document
 * to Xã Nga An, and frozen once the document is released.
 */
@XasoIntegrationTest
class DocumentAttachmentTests {

	static final Actor CLERK = DocumentFixtures.CLERK;
	static final Actor LEADER = DocumentFixtures.LEADER;
	static final Actor SPECIALIST = DocumentFixtures.SPECIALIST;

	@LocalServerPort
	int port;

	@Autowired
	Documents documents;

	@Autowired
	SignatureVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void attachmentIsSignedByTheOrganisationTopRightOfPageOneAndTravelsToNgaAn() throws Exception {
		var draft = new Documents.Draft(DocumentType.KE_HOACH, "Kế hoạch thử tệp kèm theo ký số góc phải",
				"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nBan hành kế hoạch kèm phụ lục.",
				"Như Điều 3\nUBND xã Nga An", "16144", "Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân");
		long id = Tenancy.callAs(UnitScope.of("14701"), () -> documents.draft(SPECIALIST, draft));

		// through the page, as a browser uploads: one PDF accepted, a non-PDF refused in Vietnamese
		var web = new WorkFileWebClient(port).signIn("yenmo.tuphap", DemoData.PASSWORD);
		var page = web.get("/documents/" + id).body();
		assertThat(page).contains("enctype=\"multipart/form-data\"", "action=\"/documents/" + id + "/attachments\"");
		var added = web.postMultipart("/documents/" + id + "/attachments", Map.of("title", "Phụ lục I: Danh sách tổ viên"), "file",
				"phu-luc.pdf", "application/pdf", samplePdf("Phu luc I"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(web.get("/documents/" + id).body()).contains("Đã thêm tệp kèm theo.", "Phụ lục I: Danh sách tổ viên");
		var refused = web.postMultipart("/documents/" + id + "/attachments", Map.of("title", "Ảnh chụp"), "file", "anh.txt",
				"text/plain", "không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(web.get("/documents/" + id).body()).contains("Tệp này không phải PDF");
		Tenancy.runAs(UnitScope.of("14701"), () -> assertThatThrownBy(
				() -> documents.addAttachment(SPECIALIST, id, "Tệp rỗng", new byte[0])).isInstanceOf(DocumentException.class)
			.hasMessageContaining("Hãy chọn tệp PDF"));

		// a second attachment removed again while a draft
		long extra = Tenancy.callAs(UnitScope.of("14701"), () -> documents.addAttachment(SPECIALIST, id, "Phụ lục bỏ", samplePdf("Bo")));
		Tenancy.runAs(UnitScope.of("14701"), () -> documents.removeAttachment(SPECIALIST, id, extra));
		var listed = Tenancy.callAs(UnitScope.of("14701"), () -> documents.attachments(SPECIALIST, id));
		assertThat(listed).extracting(Documents.Attachment::title).containsExactly("Phụ lục I: Danh sách tổ viên");
		long attachmentId = listed.getFirst().id();
		assertThat(listed.getFirst().signed()).isFalse();

		Tenancy.runAs(UnitScope.of("14701"), () -> {
			documents.submit(SPECIALIST, id);
			documents.approve(LEADER, id, DemoData.SIGNING_PASSWORD.toCharArray());
		});
		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, DemoData.SIGNING_PASSWORD.toCharArray()));

		var download = web.getBytes("/documents/" + id + "/attachments/" + attachmentId);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		byte[] signed = download.body();
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> documents.attachments(CLERK, id)).getFirst().signed()).isTrue();

		// one organisation signature, intact for EU DSS, valid for pdfsig
		var report = verification.verify(signed);
		assertThat(report.signatures()).hasSize(1);
		assertThat(report.signatures().getFirst().intact()).isTrue();
		assertThat(report.signatures().getFirst().signerName()).isEqualTo("UBND Xã Yên Mô");
		var pdfsig = DocumentSigningEndToEndTests.pdfsig(signed);
		assertThat(pdfsig).contains("Signature #1").doesNotContain("Signature #2");
		assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(2);

		// its widget: page 1, upper-right quarter, no image in its appearance
		try (var doc = Loader.loadPDF(signed)) {
			var fields = doc.getSignatureFields();
			assertThat(fields).hasSize(1);
			var widget = fields.getFirst().getWidgets().getFirst();
			var first = doc.getPage(0);
			assertThat(first.getAnnotations()).anySatisfy(a -> assertThat(a.getCOSObject()).isSameAs(widget.getCOSObject()));
			var media = first.getMediaBox();
			var rect = widget.getRectangle();
			assertThat(rect.getWidth()).isPositive();
			assertThat(rect.getLowerLeftX()).isGreaterThanOrEqualTo(media.getWidth() / 2);
			assertThat(rect.getLowerLeftY()).isGreaterThanOrEqualTo(media.getHeight() / 2);
			assertThat(rect.getUpperRightX()).isLessThanOrEqualTo(media.getUpperRightX());
			assertThat(rect.getUpperRightY()).isLessThanOrEqualTo(media.getUpperRightY());
			var appearance = widget.getAppearance().getNormalAppearance().getAppearanceStream();
			assertThat(hasImage(appearance.getResources())).isFalse();
		}

		// frozen after release: the service refuses, and so does the database
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			assertThatThrownBy(() -> documents.addAttachment(CLERK, id, "Muộn", samplePdf("Muon"))).isInstanceOf(DocumentException.class)
				.hasMessageContaining("dự thảo");
			assertThatThrownBy(() -> documents.removeAttachment(CLERK, id, attachmentId)).isInstanceOf(DocumentException.class)
				.hasMessageContaining("dự thảo");
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update document_attachment set title = 'sửa' where id = ?")
				.params(attachmentId).update())).hasMessageContaining("không được sửa tệp kèm theo");
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("delete from document_attachment where id = ?")
				.params(attachmentId).update())).hasMessageContaining("không được sửa tệp kèm theo");
		});
		assertThat(web.postMultipart("/documents/" + id + "/attachments", Map.of("title", "Muộn"), "file", "muon.pdf", "application/pdf",
				samplePdf("Muon")).statusCode()).isEqualTo(302);
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> documents.attachments(CLERK, id))).hasSize(1);

		// Nga An receives the document with the signed attachment
		Documents.Listing received = null;
		for (int i = 0; i < 100 && (received == null || received.total() == 0); i++) {
			received = Tenancy.callAs(UnitScope.of("16144"), () -> documents.search(DocumentFixtures.NGA_AN_CLERK,
					new Documents.Search("tep kem theo ky so goc phai", false, null, null, null, null, null, null, 0, 10)));
			if (received.total() == 0) {
				Thread.sleep(100);
			}
		}
		assertThat(received.rows()).hasSize(1);
		long incomingId = received.rows().getFirst().id();
		var theirs = Tenancy.callAs(UnitScope.of("16144"), () -> documents.attachments(DocumentFixtures.NGA_AN_CLERK, incomingId));
		assertThat(theirs).extracting(Documents.Attachment::title).containsExactly("Phụ lục I: Danh sách tổ viên");
		assertThat(theirs.getFirst().signed()).isTrue();
		var theirPdf = Tenancy.callAs(UnitScope.of("16144"),
				() -> documents.attachmentPdf(DocumentFixtures.NGA_AN_CLERK, incomingId, theirs.getFirst().id()).orElseThrow());
		assertThat(theirPdf).isEqualTo(signed);
		assertThat(Tenancy.callAs(UnitScope.of("16144"), () -> documents.find(DocumentFixtures.NGA_AN_CLERK, incomingId).orElseThrow())
			.attachmentCount()).isEqualTo(1);
		assertThat(released.numberSymbol()).isNotBlank();
	}

	private static boolean hasImage(PDResources resources) throws IOException {
		if (resources == null) {
			return false;
		}
		for (var name : resources.getXObjectNames()) {
			var x = resources.getXObject(name);
			if (x instanceof PDImageXObject) {
				return true;
			}
			if (x instanceof PDFormXObject form && hasImage(form.getResources())) {
				return true;
			}
		}
		return false;
	}

	static byte[] samplePdf(String text) {
		try (var doc = new PDDocument()) {
			var page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			try (var cs = new PDPageContentStream(doc, page)) {
				cs.beginText();
				cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				cs.newLineAtOffset(72, 700);
				cs.showText(text);
				cs.endText();
			}
			var out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
