package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

import vn.xaso.audit.AuditEntry;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The documents module on its own (with the modules it depends on, no demo data, no other
 * business module): the outgoing workflow's steps go through the {@code RegisterEntry} aggregate,
 * a step the workflow does not allow is refused with a message in either language and changes
 * nothing, and every step leaves its audit entry.
 */
// audit is included by name: documents publishes AuditEvents (a type dependency) and the audit module listens, so
// the dependency walk, which follows beans used, no longer brings it
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "audit")
@TestPropertySource(properties = { "xaso.data-dir=target/test-data/${random.uuid}", "xaso.demo.load=false",
		"xaso.db.durable=false", "xaso.backup.schedule=-", "xaso.documents.jobs.enabled=false", "xaso.notify.jobs.enabled=false" })
class DocumentsModuleTests {

	static final Actor DRAFTER = new Actor("14701", "module.tuphap", "Tư pháp (module test)", Set.of(Role.SPECIALIST));
	static final Actor LEADER = new Actor("14701", "module.chutich", "Chủ tịch (module test)", Set.of(Role.LEADER));
	static final Actor CLERK = new Actor("14701", "module.vanthu", "Văn thư (module test)", Set.of(Role.CLERK));

	@Autowired Documents documents;
	@Autowired MessageSource messages;
	@Autowired AuditLog audit;

	@Test
	void aDraftGoesToTheLeaderAndBackOnlyAlongTheDeclaredWorkflow() {
		var draft = new Documents.Draft(DocumentType.THONG_BAO, "Thông báo lịch tiếp công dân tháng 12",
				"Ủy ban nhân dân xã thông báo lịch tiếp công dân như sau.", "Như trên", "", "Nguyễn Văn An", "Chủ tịch",
				"TM. Ủy ban nhân dân");
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			long id = documents.draft(DRAFTER, draft);
			assertThat(status(id)).isEqualTo(Document.DRAFT);

			// Releasing a draft is not a step of the workflow: refused, in both languages, and nothing changes.
			assertThatThrownBy(() -> documents.release(CLERK, id, "x".toCharArray())).isInstanceOfSatisfying(DocumentException.class, e -> {
				assertThat(e.key()).isEqualTo("documents.error.releaseNotApproved");
				assertThat(e.getMessage()).isEqualTo("Chỉ phát hành được văn bản đã được lãnh đạo duyệt.");
				assertThat(e.message(messages, Locale.ENGLISH)).isEqualTo("Only a document approved by the leader can be released.");
			});
			assertThat(status(id)).isEqualTo(Document.DRAFT);

			documents.submit(DRAFTER, id);
			assertThat(status(id)).isEqualTo(Document.SUBMITTED);
			assertThatThrownBy(() -> documents.update(DRAFTER, id, draft)).isInstanceOf(DocumentException.class)
				.hasMessage("Chỉ sửa được văn bản đang là dự thảo.");

			documents.returnToDraft(LEADER, id);
			assertThat(status(id)).isEqualTo(Document.DRAFT);
			documents.update(DRAFTER, id, draft);
			var trail = audit.search(new AuditLog.AuditQuery("14701", "document.", DRAFTER.username(), null, null, 0, 50)).entries()
				.stream().filter(e -> String.valueOf(id).equals(e.objectId())).map(AuditEntry::action).toList();
			// newest first: each step of the drafter left its entry (the leader's return is the leader's)
			assertThat(trail).containsExactly("document.updated", "document.submitted", "document.drafted");
		});
	}

	@Test
	void aRefusalOfBadInputNamesTheFieldInTheReadersLanguage() {
		var blankSummary = new Documents.Draft(DocumentType.THONG_BAO, " ", "Nội dung", "Như trên", "", "Nguyễn Văn An", "Chủ tịch", "");
		Tenancy.runAs(UnitScope.of("14701"), () -> assertThatThrownBy(() -> documents.draft(DRAFTER, blankSummary))
			.isInstanceOfSatisfying(DocumentException.class, e -> {
				assertThat(e.field()).isEqualTo("summary");
				assertThat(e.getMessage()).isEqualTo("Hãy ghi trích yếu (1 đến 500 ký tự).");
				assertThat(e.message(messages, Locale.ENGLISH)).isEqualTo("Write the summary (1 to 500 characters).");
			}));
	}

	private String status(long id) {
		return documents.find(DRAFTER, id).orElseThrow().status();
	}
}
