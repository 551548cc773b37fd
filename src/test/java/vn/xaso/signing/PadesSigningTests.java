package vn.xaso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** PAdES signing with PDFBox + BouncyCastle, checked by two independent validators: EU DSS and Poppler's pdfsig. */
class PadesSigningTests {

	static final TestPki PKI = new TestPki("XaSo Test Root CA");

	final SignatureVerification verification = new SignatureVerification(() -> List.of(PKI.ca), 20);

	@Test
	void aPersonalSignatureIsPadesBaselineBIntactAndTrustedAndPopplerAgrees() throws Exception {
		var pdf = TestPki.samplePdf("XaSo-Marker");
		var signed = new PdfSigning(null).sign(pdf, PKI.signer("Nguyễn Văn An"), SignatureAppearance.personal("Nguyễn Văn An"));

		var report = verification.verify(signed);
		assertThat(report.signatures()).hasSize(1);
		var signature = report.signatures().getFirst();
		assertThat(signature.signerName()).isEqualTo("Nguyễn Văn An");
		assertThat(signature.intact()).isTrue();
		assertThat(signature.coversWholeDocument()).isTrue();
		assertThat(signature.trusted()).isTrue();
		assertThat(signature.format()).isEqualTo("PAdES-BASELINE-B");
		assertThat(signature.timestamp()).isNull();
		assertThat(signature.certificate().issuer()).contains("XaSo Test Root CA");

		var poppler = TestPki.pdfsig(signed);
		assertThat(poppler).contains("Signature is Valid").contains("ETSI.CAdES.detached");
		assertThat(poppler).doesNotContain("Digest Mismatch");
	}

	@Test
	void changingOneSignedByteIsCaughtByDssAndByPoppler() throws Exception {
		var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), PKI.signer("Trần Thị Bình"),
				SignatureAppearance.personal("Trần Thị Bình"));
		var tampered = TestPki.tamper(signed, "XaSo-Marker");

		var signature = verification.verify(tampered).signatures().getFirst();
		assertThat(signature.intact()).isFalse();
		assertThat(signature.trusted()).isFalse();
		assertThat(signature.verdict()).contains("KHÔNG hợp lệ");
		assertThat(TestPki.pdfsig(tampered)).contains("Digest Mismatch").doesNotContain("Signature is Valid");
	}

	@Test
	void withATimeStampAuthorityTheSignatureIsBaselineT() throws Exception {
		try (var tsa = new TestPki.Tsa(PKI)) {
			var signed = new PdfSigning(tsa.url()).sign(TestPki.samplePdf("XaSo-Marker"), PKI.signer("Lê Văn Cường"),
					SignatureAppearance.personal("Lê Văn Cường"));
			var signature = verification.verify(signed).signatures().getFirst();
			assertThat(signature.format()).isEqualTo("PAdES-BASELINE-T");
			assertThat(signature.timestamp()).isNotNull();
			assertThat(signature.timestamp().intact()).isTrue();
			assertThat(signature.timestamp().authority()).isEqualTo("XaSo Test TSA");
			assertThat(signature.intact()).isTrue();
			assertThat(tsa.served.get()).isEqualTo(1);
			assertThat(TestPki.pdfsig(signed)).contains("Signature is Valid");
		}
	}

	@Test
	void personalThenOrganisationThenTheFirstNoLongerCoversTheWholeFileButBothStayIntact() throws Exception {
		var signing = new PdfSigning(null);
		var once = signing.sign(TestPki.samplePdf("XaSo-Marker"), PKI.signer("Phạm Văn Dũng"),
				SignatureAppearance.personal("Phạm Văn Dũng"));
		var twice = signing.sign(once, PKI.signer("UBND Xã Yên Mô"), SignatureAppearance.organisation("Ủy ban nhân dân xã Yên Mô"));
		var report = verification.verify(twice);
		assertThat(report.signatures()).hasSize(2);
		assertThat(report.signatures()).allMatch(VerificationReport.SignatureReport::intact);
		assertThat(report.signatures()).filteredOn(VerificationReport.SignatureReport::coversWholeDocument).hasSize(1);
		assertThat(TestPki.lines(TestPki.pdfsig(twice), "- Signature Validation: Signature is Valid")).hasSize(2);
		// Kept for people to look at (pdftoppm turns it into a picture).
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/signed-personal-and-organisation.pdf"), twice);
	}

	@Test
	void anAttachmentSignatureGoesTopRightOfPageOneWithoutAnImage() throws Exception {
		var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), PKI.signer("UBND Xã Yên Mô"),
				SignatureAppearance.attachment("Ủy ban nhân dân xã Yên Mô", "12/QĐ-UBND"));
		try (var document = org.apache.pdfbox.Loader.loadPDF(signed)) {
			var field = document.getSignatureFields().getFirst();
			var widget = field.getWidgets().getFirst();
			assertThat(document.getPages().indexOf(widget.getPage())).isZero();
			var rect = widget.getRectangle();
			var media = document.getPage(0).getMediaBox();
			assertThat(rect.getUpperRightX()).isGreaterThan(media.getWidth() * 0.8f);
			assertThat(rect.getUpperRightY()).isGreaterThan(media.getHeight() * 0.9f);
		}
		assertThat(verification.verify(signed).signatures().getFirst().intact()).isTrue();
	}

	@Test
	void anExpiredCertificateIsRefusedAndNothingIsSigned() {
		var now = Instant.now();
		var expired = PKI.signer("Người Hết Hạn", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
		assertThatThrownBy(() -> new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), expired,
				SignatureAppearance.personal("Người Hết Hạn")))
			.isInstanceOf(SigningException.class)
			.hasMessageContaining("đã hết hạn");
	}

	@Test
	void anUntrustedIssuerIsReportedAsNotTrustedButIntact() throws Exception {
		var other = new TestPki("Unknown CA");
		var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), other.signer("Vô Danh"),
				SignatureAppearance.invisible("Vô Danh"));
		var signature = verification.verify(signed).signatures().getFirst();
		assertThat(signature.intact()).isTrue();
		assertThat(signature.trusted()).isFalse();
	}
}
