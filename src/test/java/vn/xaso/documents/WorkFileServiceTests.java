package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditLog;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class WorkFileServiceTests {

	@Autowired
	WorkFiles workFiles;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditLog audit;

	static final Actor CLERK = DocumentFixtures.CLERK;
	static final Actor SPECIALIST = DocumentFixtures.SPECIALIST;

	@Test
	void createIsValidatedInVietnameseAndOnlyForClerksAndLeaders() {
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			var year = String.valueOf(WorkFileFixtures.year());
			assertThatThrownBy(() -> workFiles.create(SPECIALIST, new WorkFiles.NewWorkFile("A-1", "T", year, "yenmo.vanthu", "10")))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> workFiles.create(CLERK, new WorkFiles.NewWorkFile("../x", "T", year, "yenmo.vanthu", "10")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("Mã hồ sơ");
			assertThatThrownBy(() -> workFiles.create(CLERK, new WorkFiles.NewWorkFile("A-1", " ", year, "yenmo.vanthu", "10")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("tiêu đề");
			assertThatThrownBy(() -> workFiles.create(CLERK, new WorkFiles.NewWorkFile("A-1", "T", year, "yenmo.vanthu", "15")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("thời hạn bảo quản");
			assertThatThrownBy(() -> workFiles.create(CLERK, new WorkFiles.NewWorkFile("A-1", "T", year, "ngaan.admin", "10")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("người lập hồ sơ");
			var code = WorkFileFixtures.uniqueCode("VP");
			long id = workFiles.create(CLERK, new WorkFiles.NewWorkFile(code, "Hồ sơ tiếp công dân", year, "yenmo.tuphap", "20"));
			assertThatThrownBy(() -> workFiles.create(CLERK, new WorkFiles.NewWorkFile(code, "Lần nữa", year, "yenmo.tuphap", "20")))
				.isInstanceOf(DocumentException.class).hasMessageContaining("đã có");
			var wf = workFiles.find(SPECIALIST, id).orElseThrow();
			assertThat(wf.handlerName()).isNotBlank();
			assertThat(wf.status()).isEqualTo(WorkFile.OPEN);
			assertThat(workFiles.list(SPECIALIST, "tiep cong dan", null, null, 0, 20).rows()).anyMatch(r -> r.id() == id);
			assertThat(audit.search(new AuditLog.AuditQuery("14701", "work_file.", null, null, null, 0, 200)).entries())
				.anyMatch(e -> e.action().equals("work_file.created") && e.objectId().equals(String.valueOf(id)));
		});
	}

	@Test
	void aDocumentIsInOneWorkFileAndClosingFreezesEverything() {
		long id = WorkFileFixtures.filled(workFiles, documents, WorkFileFixtures.uniqueCode("FR"));
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			var wf = workFiles.find(CLERK, id).orElseThrow();
			assertThat(wf.items()).hasSize(2);
			long docId = wf.items().getFirst().documentId();
			long other = workFiles.create(CLERK, new WorkFiles.NewWorkFile(WorkFileFixtures.uniqueCode("OT"), "Hồ sơ khác",
					String.valueOf(WorkFileFixtures.year()), "yenmo.vanthu", "5"));
			assertThatThrownBy(() -> workFiles.add(CLERK, other, docId)).isInstanceOf(DocumentException.class)
				.hasMessageContaining("đã nằm trong hồ sơ");
			assertThatThrownBy(() -> workFiles.close(CLERK, other)).isInstanceOf(DocumentException.class).hasMessageContaining("chưa có văn bản");
			long draft = documents.draft(SPECIALIST, DocumentFixtures.draft(DocumentType.THONG_BAO, "Dự thảo chưa phát hành"));
			assertThatThrownBy(() -> workFiles.add(CLERK, other, draft)).isInstanceOf(DocumentException.class).hasMessageContaining("đã phát hành");
			assertThatThrownBy(() -> workFiles.close(SPECIALIST, id)).isInstanceOf(AccessDeniedException.class);
			// remove and add back while open
			workFiles.remove(CLERK, id, docId);
			workFiles.add(CLERK, id, docId);

			workFiles.close(CLERK, id);
			var closed = workFiles.find(CLERK, id).orElseThrow();
			assertThat(closed.closed()).isTrue();
			assertThat(closed.closedAt()).isNotNull();
			assertThat(closed.items()).extracting(WorkFile.Item::ordinal).containsExactly(1, 2);
			assertThat(workFiles.recordPdf(SPECIALIST, id, 1)).isPresent();
			assertThatThrownBy(() -> workFiles.remove(CLERK, id, docId)).isInstanceOf(DocumentException.class).hasMessageContaining("đã đóng");
			assertThatThrownBy(() -> workFiles.close(CLERK, id)).isInstanceOf(DocumentException.class);
			// underneath, the database refuses too
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update work_file set title = 'x' where id = ?").param(id).update()))
				.hasMessageContaining("đã đóng");
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("delete from work_file_document where work_file_id = ?").param(id).update()))
				.hasMessageContaining("đã đóng");
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update work_file_record set summary = 'x' where work_file_id = ?").param(id).update()))
				.hasMessageContaining("đã đóng");
			assertThat(audit.search(new AuditLog.AuditQuery("14701", "work_file.", null, null, null, 0, 200)).entries())
				.extracting(e -> e.action())
				.contains("work_file.document_added", "work_file.document_removed", "work_file.closed");
		});
	}

	@Test
	void anotherCommunesScopeSeesAndChangesNothingWithRawSql() {
		long id = WorkFileFixtures.filled(workFiles, documents, WorkFileFixtures.uniqueCode("RL"));
		Tenancy.runAs(UnitScope.of("14701"), () -> workFiles.close(CLERK, id));
		Tenancy.runAs(UnitScope.of("16144"), () -> tx.executeWithoutResult(s -> {
			assertThat(jdbc.sql("select count(*) from work_file where id = ?").param(id).query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from work_file_record where work_file_id = ?").param(id).query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from work_file_document where work_file_id = ?").param(id).query(Long.class).single()).isZero();
			assertThat(jdbc.sql("update work_file set code = 'X' where id = ?").param(id).update()).isZero();
			assertThat(jdbc.sql("delete from work_file_record where work_file_id = ?").param(id).update()).isZero();
			assertThat(jdbc.sql("delete from work_file_document where work_file_id = ?").param(id).update()).isZero();
		}));
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of("16144"), () -> tx.executeWithoutResult(s -> jdbc.sql("""
				insert into work_file (unit_code, organ_id, code, title, year, handler_name, retention, created_by)
				values ('14701', '14701', 'EVIL-1', 'x', 2026, 'x', '10', 'x')""").update())))
			.hasStackTraceContaining("row-level security");
		assertThat(Tenancy.callAs(UnitScope.of("16144"), () -> workFiles.find(DocumentFixtures.NGA_AN_CLERK, id))).isEmpty();
		Tenancy.runAs(UnitScope.of("14701"), () -> assertThat(workFiles.find(CLERK, id).orElseThrow().items()).hasSize(2));
	}
}
