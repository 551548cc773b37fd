package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditLog;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.documents.internal.DocumentRenderer;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class DocumentWorkflowTests {

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	AuditLog audit;

	static final Actor CLERK = DocumentFixtures.CLERK;
	static final Actor LEADER = DocumentFixtures.LEADER;
	static final Actor SPECIALIST = DocumentFixtures.SPECIALIST;

	@Test
	void outgoingGoesFromDraftToReleasedAndThenNeverChanges() {
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			long id = documents.draft(SPECIALIST, DocumentFixtures.draft(DocumentType.QUYET_DINH, "Quyết định về việc khai sinh lưu động"));
			assertThatThrownBy(() -> documents.approve(LEADER, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray())).isInstanceOf(DocumentException.class);
			assertThatThrownBy(() -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray())).isInstanceOf(DocumentException.class);
			documents.submit(SPECIALIST, id);
			assertThatThrownBy(() -> documents.approve(SPECIALIST, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray())).isInstanceOf(AccessDeniedException.class);
			documents.approve(LEADER, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			assertThatThrownBy(() -> documents.release(LEADER, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray())).isInstanceOf(AccessDeniedException.class);
			var released = documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			int year = LocalDate.now(Documents.VIETNAM).getYear();
			assertThat(released.status()).isEqualTo(Document.RELEASED);
			assertThat(released.numberSymbol()).matches("\\d{2,}/QĐ-UBND");
			assertThat(released.registerYear()).isEqualTo(year);
			assertThat(released.issuedOn()).isEqualTo(LocalDate.now(Documents.VIETNAM));
			assertThat(released.hasPdf()).isTrue();
			var pdfText = vn.xaso.documents.internal.PdfInspector.inspect(documents.pdf(CLERK, id).orElseThrow()).text();
			// the number and date are annotations written over the leader-signed content
			assertThat(pdfText).contains("/QĐ-UBND", "QUYẾT ĐỊNH", "Yên Mô, ngày");
			try (var pdf = org.apache.pdfbox.Loader.loadPDF(documents.pdf(CLERK, id).orElseThrow())) {
				assertThat(pdf.getPage(0).getAnnotations()).extracting(a -> a.getContents()).contains(released.numberText());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			// immutable: refused by the service and, underneath, by the database
			assertThatThrownBy(() -> documents.update(SPECIALIST, id, DocumentFixtures.draft(DocumentType.QUYET_DINH, "Sửa lén")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("dự thảo");
			assertThatThrownBy(() -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray())).isInstanceOf(DocumentException.class);
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update document set summary = 'x' where id = ?").param(id).update()))
				.hasMessageContaining("đã ban hành");
			assertThat(documents.find(CLERK, id).orElseThrow().summary()).isEqualTo("Quyết định về việc khai sinh lưu động");
			assertThat(audit.search(new AuditLog.AuditQuery("14701", "document.", null, null, null, 0, 200)).entries())
				.anyMatch(e -> e.action().equals("document.released") && e.objectId().equals(String.valueOf(id)));
		});
	}

	@Test
	void badDraftInputIsRefusedInVietnameseAndNothingIsStored() {
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			long before = documents.search(SPECIALIST, new Documents.Search(null, true, null, null, null, null, null, null, 0, 1)).total();
			assertThatThrownBy(() -> documents.draft(SPECIALIST, new Documents.Draft(DocumentType.THONG_BAO, " ", "x", "y", "", "A", "B", "")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("trích yếu");
			assertThatThrownBy(() -> documents.draft(SPECIALIST, new Documents.Draft(DocumentType.KHAC, "a", "x", "y", "", "A", "B", "")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("loại");
			assertThatThrownBy(() -> documents.draft(SPECIALIST, new Documents.Draft(DocumentType.THONG_BAO, "a", "x", "y", "99999", "A", "B", "")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("99999");
			assertThatThrownBy(() -> documents.draft(DocumentFixtures.NGA_AN_CLERK, DocumentFixtures.draft(DocumentType.THONG_BAO, "x")))
				.isInstanceOf(RuntimeException.class); // another unit's actor under Yên Mô's scope: row-level security refuses
			assertThat(documents.search(SPECIALIST, new Documents.Search(null, true, null, null, null, null, null, null, 0, 1)).total()).isEqualTo(before);
		});
	}

	@Test
	void incomingIsRegisteredFromARealPdfRoutedAndFinished() {
		var pdf = DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.CONG_VAN, "77/UBND-VP"));
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			assertThatThrownBy(() -> documents.register(CLERK, incoming("not a pdf".getBytes())))
				.isInstanceOf(DocumentException.class).hasMessageContaining("không phải PDF");
			assertThatThrownBy(() -> documents.register(CLERK, incoming("%PDF-1.7 broken".getBytes())))
				.isInstanceOf(DocumentException.class).hasMessageContaining("Không đọc được");
			assertThatThrownBy(() -> documents.register(CLERK, incoming(new byte[20 * 1024 * 1024 + 1])))
				.isInstanceOf(DocumentException.class).hasMessageContaining("20 MB");
			assertThatThrownBy(() -> documents.register(CLERK, incoming(encrypted(pdf))))
				.isInstanceOf(DocumentException.class).hasMessageContaining("mật khẩu");
			assertThatThrownBy(() -> documents.register(SPECIALIST, incoming(pdf))).isInstanceOf(AccessDeniedException.class);

			long id = documents.register(CLERK, incoming(pdf));
			var doc = documents.find(CLERK, id).orElseThrow();
			assertThat(doc.status()).isEqualTo(Document.REGISTERED);
			assertThat(doc.number()).isNotNull();
			assertThat(doc.pageCount()).isEqualTo(1);

			assertThatThrownBy(() -> documents.assign(LEADER, id, "Giao tư pháp", List.of("yenmo.tuphap"), 0))
				.isInstanceOf(DocumentException.class).hasMessageContaining("ngày làm việc");
			assertThatThrownBy(() -> documents.assign(LEADER, id, "Giao", List.of("ngaan.admin"), 3))
				.isInstanceOf(DocumentException.class).hasMessageContaining("không thuộc");
			documents.assign(LEADER, id, "Đề nghị đồng chí Tư pháp tham mưu trả lời.", List.of("yenmo.tuphap"), 5);
			doc = documents.find(CLERK, id).orElseThrow();
			assertThat(doc.status()).isEqualTo(Document.ASSIGNED);
			assertThat(doc.deadline()).isEqualTo(calendar.addWorkingDays(LocalDate.now(Documents.VIETNAM), 5));
			assertThat(doc.assignments()).extracting(Document.Assignment::username).containsExactly("yenmo.tuphap");
			var mine = documents.search(SPECIALIST, new Documents.Search(null, null, null, null, null, null, null, "mine", 0, 50));
			assertThat(mine.rows()).extracting(Documents.Row::id).contains(id);

			assertThatThrownBy(() -> documents.addNote(CLERK, id, "Tôi không được giao")).isInstanceOf(AccessDeniedException.class);
			documents.addNote(SPECIALIST, id, "Đã liên hệ các thôn.");
			long reply = DocumentFixtures.approved(documents, SPECIALIST, LEADER, DocumentFixtures.draft(DocumentType.CONG_VAN, "Trả lời công văn 77"));
			assertThatThrownBy(() -> documents.markDone(SPECIALIST, id, "", reply)).isInstanceOf(DocumentException.class);
			documents.release(CLERK, reply, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			documents.markDone(SPECIALIST, id, "Đã trả lời.", reply);
			doc = documents.find(CLERK, id).orElseThrow();
			assertThat(doc.status()).isEqualTo(Document.DONE);
			assertThat(doc.replyId()).isEqualTo(reply);
			assertThat(doc.notes()).extracting(Document.Note::kind).containsExactly("direction", "processing", "done");
			var counts = documents.counts("14701", LocalDate.now(Documents.VIETNAM).getYear());
			assertThat(counts.incomingDone()).isPositive();
			assertThat(counts.incomingOnTime()).isPositive();
		});
	}

	@Test
	void aReleaseToAnotherCommuneLandsInItsIncomingRegister() {
		var draft = new Documents.Draft(DocumentType.GIAY_MOI, "Mời dự hội nghị giao ban chuyển đổi số liên xã", "Kính mời đại biểu dự hội nghị.",
				"UBND xã Nga An", "16144", "Nguyễn Văn An", "Chủ tịch", "TM. Ủy ban nhân dân");
		long id = DocumentFixtures.approved(documents, SPECIALIST, LEADER, draft);
		var released = Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));
		// delivery runs after the release commits (an application-module listener, possibly on another thread)
		Documents.Listing received = null;
		for (int i = 0; i < 100; i++) {
			received = Tenancy.callAs(UnitScope.of("16144"), () -> documents.search(DocumentFixtures.NGA_AN_CLERK,
					new Documents.Search("hoi nghi giao ban chuyen doi so", false, null, null, null, null, null, null, 0, 10)));
			if (received.total() > 0) {
				break;
			}
			sleep();
		}
		assertThat(received.rows()).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(Document.REGISTERED);
			assertThat(r.issuer()).isEqualTo("UBND Xã Yên Mô");
		});
		long receivedId = received.rows().getFirst().id();
		var doc = Tenancy.callAs(UnitScope.of("16144"), () -> documents.find(DocumentFixtures.NGA_AN_CLERK, receivedId).orElseThrow());
		assertThat(doc.originalNumber()).isEqualTo(released.numberSymbol());
		assertThat(doc.hasPdf()).isTrue();
		// and Yên Mô's clerk cannot see Nga An's register
		assertThat(Tenancy.callAs(UnitScope.of("14701"), () -> documents.find(CLERK, doc.id()))).isEmpty();
	}

	@Test
	void searchIgnoresDiacriticsAndFilters() {
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			long id = documents.draft(SPECIALIST, DocumentFixtures.draft(DocumentType.QUYET_DINH, "Quyết định công nhận kết quả đăng ký khai sinh lưu động"));
			var hits = documents.search(CLERK, new Documents.Search("quyet dinh khai sinh", null, null, null, null, null, null, null, 0, 50));
			assertThat(hits.rows()).extracting(Documents.Row::id).contains(id);
			var typed = documents.search(CLERK, new Documents.Search("khai sinh", null, DocumentType.BIEN_BAN, null, null, null, null, null, 0, 50));
			assertThat(typed.rows()).extracting(Documents.Row::id).doesNotContain(id);
			var byStatus = documents.search(CLERK, new Documents.Search("KHAI SINH luu dong", true, null, Document.DRAFT, LocalDate.now(Documents.VIETNAM), null, null, null, 0, 50));
			assertThat(byStatus.rows()).extracting(Documents.Row::id).contains(id);
			var future = documents.search(CLERK, new Documents.Search("khai sinh", null, null, null, LocalDate.now(Documents.VIETNAM).plusDays(2), null, null, null, 0, 50));
			assertThat(future.rows()).extracting(Documents.Row::id).doesNotContain(id);
			var paged = documents.search(CLERK, new Documents.Search(null, null, null, null, null, null, null, null, 0, 2));
			assertThat(paged.rows()).hasSizeLessThanOrEqualTo(2);
			// words of the PDF text are found too
			var pdf = DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.CONG_VAN, "78/UBND-VP"));
			long in = documents.register(CLERK, new Documents.Incoming("UBND tỉnh Ninh Bình", "78/UBND-VP", LocalDate.now(Documents.VIETNAM),
					DocumentType.CONG_VAN, "Công văn số 78", "", "khan", 0, pdf));
			assertThat(documents.search(CLERK, new Documents.Search("ho tich xa", false, null, null, null, null, null, null, 0, 50)).rows())
				.extracting(Documents.Row::id).contains(in);
		});
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Documents.Incoming incoming(byte[] pdf) {
		return new Documents.Incoming("UBND tỉnh Ninh Bình", "77/UBND-VP", LocalDate.now(Documents.VIETNAM).minusDays(1),
				DocumentType.CONG_VAN, "Về việc rà soát hồ sơ hộ tịch", "Trần Văn Bình", "thuong", 1, pdf);
	}

	private static byte[] encrypted(byte[] pdf) {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf); var out = new java.io.ByteArrayOutputStream()) {
			var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
					new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
			policy.setEncryptionKeyLength(128);
			doc.protect(policy);
			doc.save(out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
