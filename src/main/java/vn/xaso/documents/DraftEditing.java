package vn.xaso.documents;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.Role;

/**
 * Working on a draft after it was saved: editing it (the text it replaces is kept as a numbered version, and the
 * change is audited), and the leader's "trả lại để sửa" with a reason the drafter reads on the document page.
 */
@Service
public class DraftEditing {

	/** A text a draft had before one of its edits. */
	public record Version(int version, DocumentType type, String summary, String body, String recipients, String signerName,
			String savedBy, Instant savedAt) {
	}

	private final Documents documents;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	DraftEditing(Documents documents, JdbcClient jdbc, AuditLog audit) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Saves the new text of a draft (same checks as drafting); the previous text becomes version N. Only a draft can be
	 * edited: a submitted document must be returned first.
	 */
	@Transactional
	public void edit(Actor actor, long id, Documents.Draft draft) {
		var doc = documents.find(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		if (!doc.outgoing() || !Document.DRAFT.equals(doc.status())) {
			throw DocumentException.of("", "documents.error.editNotDraft");
		}
		int next = jdbc.sql("select coalesce(max(version), 0) + 1 from document_version where document_id = ? and unit_code = ?")
			.params(id, actor.unitCode()).query(Integer.class).single();
		documents.update(actor, id, draft);
		jdbc.sql("""
				insert into document_version (unit_code, document_id, version, type, summary, body, recipients, signer_name, saved_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(actor.unitCode(), id, next, doc.type().name(), doc.summary(), doc.body(), doc.recipients(), doc.signerName(),
					actor.username())
			.update();
	}

	/** Earlier texts of a document, newest first. */
	@Transactional(readOnly = true)
	public List<Version> versions(Actor actor, long id) {
		return jdbc.sql("""
				select version, type, summary, body, recipients, signer_name, saved_by, saved_at from document_version
				where document_id = ? and unit_code = ? order by version desc""")
			.params(id, actor.unitCode())
			.query((rs, n) -> new Version(rs.getInt(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** The leader sends a submitted document back with the reason (required), shown to the drafter as a note. */
	@Transactional
	public void returnWithReason(Actor actor, long id, String reason) {
		if (!actor.has(Role.LEADER)) {
			throw new AccessDeniedException("Chỉ lãnh đạo UBND mới trả lại văn bản.");
		}
		var text = reason == null ? "" : Normalizer.normalize(reason, Normalizer.Form.NFC).strip();
		if (text.isEmpty() || text.length() > 4000 || text.indexOf('\u0000') >= 0) {
			throw DocumentException.of("reason", "documents.error.returnReason");
		}
		documents.returnToDraft(actor, id);
		jdbc.sql("insert into document_note (document_id, unit_code, kind, author, text) values (?, ?, 'returned', ?, ?)")
			.params(id, actor.unitCode(), actor.fullName(), text).update();
		audit.record(AuditEvent.of(actor.unitCode(), actor.username(), "document.returned.reason").on("document", id).change(null, text));
	}
}
