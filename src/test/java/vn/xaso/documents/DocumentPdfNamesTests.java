package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.platform.web.DownloadNames;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A released document downloads as "05-QĐ-UBND Về việc …" — ASCII {@code 05-QD-UBND-ve-viec-….pdf} plus the
 * Vietnamese name in {@code filename*} (RFC 6266) — not {@code van-ban-N.pdf}; a draft as "Dự thảo …".
 */
@XasoIntegrationTest
class DocumentPdfNamesTests {

	@LocalServerPort
	int port;

	@Autowired
	Documents documents;

	@Test
	void releasedAndDraftPdfsAreNamedByNumberAndSummary() {
		var draft = DocumentFixtures.draft(DocumentType.QUYET_DINH, "Về việc thành lập Tổ công nghệ số cộng đồng thôn Đồng Đội");
		long id = DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER, draft);
		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		var approved = clerk.getBytes("/documents/" + id + "/pdf");
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(approved.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("inline; filename=\"du-thao-ve-viec-thanh-lap-to-cong-nghe-so-cong-dong-thon-dong-doi.pdf\"");

		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(DocumentFixtures.CLERK, id, DemoData.SIGNING_PASSWORD.toCharArray()));
		var number = released.numberSymbol().substring(0, released.numberSymbol().indexOf('/'));
		var response = clerk.getBytes("/documents/" + id + "/pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		var header = response.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(header).doesNotContain("van-ban-")
			.startsWith("inline; filename=\"" + number + "-QD-UBND-ve-viec-thanh-lap-to-cong-nghe-so-cong-dong-thon-dong-doi.pdf\"; filename*=UTF-8''");
		var utf8 = URLDecoder.decode(header.substring(header.indexOf("''") + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
		assertThat(utf8).isEqualTo(number + "-QĐ-UBND Về việc thành lập Tổ công nghệ số cộng đồng thôn Đồng Đội.pdf");
		assertThat(header.substring(header.indexOf("''") + 2)).matches("[A-Za-z0-9%!#$&+\\-.^_`|~]+");
	}

	@Test
	void namesAreSafeAndShort() {
		assertThat(DownloadNames.ascii("12/UBND-VP V/v: tổ chức \"Ngày hội\" <đại đoàn kết>")).isEqualTo("12-UBND-VP-v-v-to-chuc-ngay-hoi-dai-doan-ket");
		var longName = DownloadNames.ascii("01/QĐ-UBND " + "Về việc phê duyệt kế hoạch ".repeat(20));
		assertThat(longName.length()).isLessThanOrEqualTo(100);
		assertThat(longName).startsWith("01-QD-UBND-ve-viec-phe-duyet").doesNotEndWith("-");
		assertThat(DownloadNames.contentDisposition(false, "  ", ".pdf")).isEqualTo("attachment; filename=\"tep.pdf\"; filename*=UTF-8''tep.pdf");
	}
}
