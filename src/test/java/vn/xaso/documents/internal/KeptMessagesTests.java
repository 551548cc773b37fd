package vn.xaso.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.xaso.documents.DocumentException;
import vn.xaso.setup.internal.ProvinceStore;
import vn.xaso.signing.PdfRejectedException;
import vn.xaso.signing.SigningException;

/**
 * Refusals of documents and signing come from their module bundles through platform.Refusal (Vietnamese by default,
 * English for an English reader), and what the register and province onboarding keep are messages, said in the
 * reader's language when shown (issue 14). No Spring context.
 */
class KeptMessagesTests {

	@Test
	void aDocumentRefusalIsVietnameseAndEnglishForAnEnglishReader() {
		var e = DocumentException.of("originalDate", "documents.error.originalDate");
		assertThat(e.getMessage()).startsWith("Ngày ban hành chưa đúng");
		assertThat(e.message(Locale.ENGLISH)).startsWith("The issue date is not valid");
		assertThat(e.errors(Locale.ENGLISH)).containsOnlyKeys("originalDate");
		assertThat(e.key()).isEqualTo("documents.error.originalDate");
	}

	@Test
	void aSigningRefusalIsVietnameseAndEnglishAlsoWhenADocumentRefusalQuotesIt() {
		SigningException e = SigningException.of("signing.error.password");
		assertThat(e.getMessage()).isEqualTo("Mật khẩu chữ ký số không đúng. Không có gì được ký.");
		assertThat(e.message(Locale.ENGLISH)).isEqualTo("The signing password is wrong. Nothing was signed.");
		var quoted = DocumentException.of("password", "documents.error.signing", e.quoted());
		assertThat(quoted.getMessage()).isEqualTo("Mật khẩu chữ ký số không đúng. Không có gì được ký.");
		assertThat(quoted.message(Locale.ENGLISH)).isEqualTo("The signing password is wrong. Nothing was signed.");
		assertThat(PdfRejectedException.rejected("signing.error.pdfSignatures").message(Locale.ENGLISH))
			.isEqualTo("The signatures in this PDF could not be read.");
	}

	@Test
	void theRegisterKeepsTheCheckSummaryAsAMessage() {
		var kept = CheckSummary.stored("signing.text.summary.intact", "2", "1");
		assertThat(kept).doesNotContain("chữ ký");
		assertThat(CheckSummary.said(kept, Locale.ROOT)).isEqualTo("Tệp có 2 chữ ký số, tất cả còn nguyên vẹn; 1 chữ ký có chứng thư được tin cậy.");
		assertThat(CheckSummary.said(kept, Locale.ENGLISH)).isEqualTo("The file has 2 digital signatures, all intact; 1 with a trusted certificate.");
		var failed = CheckSummary.failedBecause("signing.error.pdfSignatures");
		assertThat(CheckSummary.said(failed, Locale.ENGLISH))
			.isEqualTo("The digital signatures of the file could not be checked: The signatures in this PDF could not be read.");
		assertThat(CheckSummary.said(CheckSummary.stored(CheckSummary.FAILED), Locale.ROOT)).isEqualTo("Không kiểm tra được chữ ký số của tệp này.");
		assertThat(CheckSummary.said("Không kiểm tra được chữ ký số của tệp: lý do cũ", Locale.ENGLISH))
			.as("words kept before are shown as they are").isEqualTo("Không kiểm tra được chữ ký số của tệp: lý do cũ");
		assertThat(CheckSummary.said(null, Locale.ENGLISH)).isNull();
	}

	@Test
	void provinceOnboardingKeepsARowsProblemsAsMessages() {
		var row = new ProvinceStore.CheckedRow(3, "99999", "", "X99999", "Lê Văn A", "0912345678", "",
				List.of(new ProvinceStore.Message("setup.error.row.noSuchCommune", List.of("99999"))), null);
		assertThat(row.ok()).isFalse();
		assertThat(row.problems()).containsExactly("Không có xã nào mã 99999 (mã xã gồm 5 chữ số, theo danh mục từ 1/7/2025).");
		assertThat(row.problems(Locale.ENGLISH))
			.containsExactly("No commune has code 99999 (a commune code has 5 digits, as listed from 1/7/2025).");
		assertThat(row.remark(Locale.ENGLISH)).isNull();
	}
}
