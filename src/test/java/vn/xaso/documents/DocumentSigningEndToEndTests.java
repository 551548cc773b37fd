package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The end-to-end path: a Quyết định drafted in Xã Yên Mô, approved and personally signed by the
 * chairman, released by the clerk with number, date and the organisation's signature, delivered to Xã Nga An,
 * where it is registered with both signatures checked; EU DSS and Poppler's pdfsig agree both signatures are
 * valid, and both see a one-byte change. The released one-page file is at most 150 KB (bench/document-pdf-size.sh
 * reports on it). Wrong passwords change nothing and consume no number.
 */
@XasoIntegrationTest
class DocumentSigningEndToEndTests {

	static final Actor CLERK = DocumentFixtures.CLERK;
	static final Actor LEADER = DocumentFixtures.LEADER;
	static final Actor SPECIALIST = DocumentFixtures.SPECIALIST;

	@Autowired
	Documents documents;

	@Autowired
	SignatureVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	static char[] key() {
		return DemoData.SIGNING_PASSWORD.toCharArray();
	}

	@Test
	void signedQuyetDinhTravelsFromYenMoToNgaAnWithBothSignaturesValid() throws Exception {
		var draft = new Documents.Draft(DocumentType.QUYET_DINH, "Quyết định thành lập Tổ công nghệ số cộng đồng liên xã ký số",
				"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nThành lập Tổ công nghệ số cộng đồng liên xã.",
				"Như Điều 3\nUBND xã Nga An", "16144", "Đinh Văn Hùng", "Chủ tịch", "TM. Ủy ban nhân dân");
		long id = Tenancy.callAs(UnitScope.of("14701"), () -> {
			long d = documents.draft(SPECIALIST, draft);
			documents.submit(SPECIALIST, d);
			documents.approve(LEADER, d, key());
			return d;
		});
		var approved = Tenancy.callAs(UnitScope.of("14701"), () -> documents.signatures(LEADER, id).orElseThrow());
		assertThat(approved.leaderSignedBy()).isEqualTo("Đinh Văn Hùng");
		assertThat(approved.leaderSignedAt()).isNotNull();

		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, key()));
		assertThat(released.numberSymbol()).endsWith("/QĐ-UBND");
		byte[] pdf = Tenancy.callAs(UnitScope.of("14701"), () -> documents.pdf(CLERK, id).orElseThrow());
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "document-signed.pdf"), pdf);
		// issue 15: a released one-page document is at most 150 KB (the stamp embeds font subsets, not whole fonts)
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
		}
		assertThat(pdf.length).as("released one-page PDF, bytes").isLessThanOrEqualTo(150 * 1024);

		// EU DSS: two signatures, the leader's first, both intact; the leader's does not cover the whole file
		var report = verification.verify(pdf);
		assertThat(report.signatures()).hasSize(2);
		assertThat(report.signatures()).allSatisfy(s -> assertThat(s.intact()).isTrue());
		assertThat(report.signatures().get(0).signerName()).isEqualTo("Đinh Văn Hùng");
		assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
		assertThat(report.signatures().get(1).signerName()).isEqualTo("UBND Xã Yên Mô");
		assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
		var mine = Tenancy.callAs(UnitScope.of("14701"), () -> documents.signatures(CLERK, id).orElseThrow());
		assertThat(mine.lines()).extracting(Documents.SignatureLine::intact).containsExactly(true, true);

		// Poppler agrees
		var pdfsig = pdfsig(pdf);
		assertThat(pdfsig).contains("Signature #1", "Signature #2");
		assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
		assertThat(pdfsig).doesNotContain("Digest Mismatch");

		// the number and the date are on the page, as annotations over the leader-signed content
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getAnnotations()).extracting(a -> a.getContents())
				.contains(String.format("%02d", released.number()), String.format("%02d", released.issuedOn().getDayOfMonth()));
		}

		// Nga An receives it with both signatures checked
		Documents.Listing received = null;
		for (int i = 0; i < 100 && (received == null || received.total() == 0); i++) {
			received = Tenancy.callAs(UnitScope.of("16144"), () -> documents.search(DocumentFixtures.NGA_AN_CLERK,
					new Documents.Search("to cong nghe so cong dong lien xa ky so", false, null, null, null, null, null, null, 0, 10)));
			if (received.total() == 0) {
				Thread.sleep(100);
			}
		}
		assertThat(received.rows()).hasSize(1);
		long incomingId = received.rows().getFirst().id();
		var incoming = Tenancy.callAs(UnitScope.of("16144"), () -> documents.signatures(DocumentFixtures.NGA_AN_CLERK, incomingId).orElseThrow());
		assertThat(incoming.lines()).extracting(Documents.SignatureLine::signerName).containsExactly("Đinh Văn Hùng", "UBND Xã Yên Mô");
		assertThat(incoming.lines()).allSatisfy(l -> assertThat(l.intact()).isTrue());
		assertThat(incoming.summary()).contains("2 chữ ký số", "còn nguyên vẹn");

		// one changed byte inside a signed stream: both validators see it
		var tampered = tamper(pdf);
		var bad = verification.verify(tampered);
		assertThat(bad.signatures()).anySatisfy(s -> assertThat(s.intact()).isFalse());
		assertThat(pdfsig(tampered)).contains("Digest Mismatch");
	}

	@Test
	void wrongPasswordsChangeNothingAndTakeNoNumber() {
		long id = Tenancy.callAs(UnitScope.of("14701"), () -> {
			long d = documents.draft(SPECIALIST, DocumentFixtures.draft(DocumentType.THONG_BAO, "Thông báo thử mật khẩu ký số sai"));
			documents.submit(SPECIALIST, d);
			return d;
		});
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			assertThatThrownBy(() -> documents.approve(LEADER, id, "sai-mat-khau".toCharArray())).isInstanceOf(DocumentException.class)
				.hasMessageContaining("Mật khẩu chữ ký số không đúng");
			assertThatThrownBy(() -> documents.approve(LEADER, id, new char[0])).isInstanceOf(DocumentException.class)
				.hasMessageContaining("Hãy nhập mật khẩu");
		});
		var afterWrong = Tenancy.callAs(UnitScope.of("14701"), () -> documents.find(LEADER, id).orElseThrow());
		assertThat(afterWrong.status()).isEqualTo(Document.SUBMITTED);
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> documents.signatures(LEADER, id).orElseThrow().leaderSignedBy())).isNull();

		Tenancy.runAs(UnitScope.of("14701"), () -> documents.approve(LEADER, id, key()));
		int before = counter();
		Tenancy.runAs(UnitScope.of("14701"), () -> assertThatThrownBy(() -> documents.release(CLERK, id, "sai-mat-khau".toCharArray()))
			.isInstanceOf(DocumentException.class).hasMessageContaining("Mật khẩu chữ ký số không đúng"));
		assertThat(counter()).isEqualTo(before);
		var afterRelease = Tenancy.callAs(UnitScope.of("14701"), () -> documents.find(CLERK, id).orElseThrow());
		assertThat(afterRelease.status()).isEqualTo(Document.APPROVED);
		assertThat(afterRelease.number()).isNull();
		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, key()));
		assertThat(released.number()).isEqualTo(before + 1);
	}

	private int counter() {
		return Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> jdbc.sql(
				"select coalesce(max(number), 0) from document where unit_code = '14701' and direction = 'out' and status = 'released' and register_year = extract(year from now() at time zone 'Asia/Ho_Chi_Minh')")
			.query(Integer.class).single()));
	}

	/** Changes one byte in the middle of the first content stream after the header (inside the leader's signed range). */
	static byte[] tamper(byte[] pdf) {
		var text = new String(pdf, StandardCharsets.ISO_8859_1);
		int at = text.indexOf("stream", 200);
		int end = text.indexOf("endstream", at);
		int pos = at + Math.min(100, (end - at) / 2);
		var copy = pdf.clone();
		copy[pos] = (byte) (copy[pos] ^ 0x01);
		return copy;
	}

	static String pdfsig(byte[] pdf) throws Exception {
		return run(pdf, "pdfsig");
	}

	/** Runs a Poppler tool on the PDF; fails (does not skip) if it is not installed. */
	static String run(byte[] pdf, String tool, String... after) throws Exception {
		var file = Files.createTempFile("xaso-doc", ".pdf");
		try {
			Files.write(file, pdf);
			var command = new java.util.ArrayList<>(List.of(tool, file.toString()));
			command.addAll(List.of(after));
			var process = new ProcessBuilder(command).redirectErrorStream(true).start();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(tool + " did not finish");
			}
			return output;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
