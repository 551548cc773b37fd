package vn.xaso.documents;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.documents.internal.KeepingDraftVersions;
import vn.xaso.identity.Role;

/**
 * Working on a draft after it was saved: editing it (the text it replaces is kept as a numbered version, and the
 * change is audited), and the leader's "trả lại để sửa" with a reason the drafter reads on the document page. The SQL is
 * in the module's adapters ({@link KeepingDraftVersions}).
 */
@Service
public class DraftEditing {

	/** A text a draft had before one of its edits. */
	public record Version(int version, DocumentType type, String summary, String body, String recipients, String signerName,
			String savedBy, Instant savedAt) {
	}

	private final Documents documents;
	private final KeepingDraftVersions versions;
	private final ApplicationEventPublisher events;

	DraftEditing(Documents documents, KeepingDraftVersions versions, ApplicationEventPublisher events) {
		this.documents = documents;
		this.versions = versions;
		this.events = events;
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
		documents.update(actor, id, draft);
		versions.keep(actor, doc);
	}

	/** Earlier texts of a document, newest first. */
	@Transactional(readOnly = true)
	public List<Version> versions(Actor actor, long id) {
		return versions.list(actor, id);
	}

	/** The leader sends a submitted document back with the reason (required), shown to the drafter as a note. */
	@Transactional
	public void returnWithReason(Actor actor, long id, String reason) {
		if (!actor.has(Role.LEADER)) {
			throw new AccessDeniedException(vn.xaso.platform.Refusal.bundleText("i18n/documents", "documents.error.returnLeaderOnly"));
		}
		var text = reason == null ? "" : Normalizer.normalize(reason, Normalizer.Form.NFC).strip();
		if (text.isEmpty() || text.length() > 4000 || text.indexOf('\u0000') >= 0) {
			throw DocumentException.of("reason", "documents.error.returnReason");
		}
		documents.returnToDraft(actor, id);
		versions.noteReturned(actor, id, text);
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "document.returned.reason").on("document", id).change(null, text));
	}
}
