package vn.xaso.documents.internal;

import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Document;
import vn.xaso.identity.Role;
import vn.xaso.signing.SignatureAppearance;

/** The leader's decision on a submitted document: approve and sign personally, or send it back to its drafter. */
@Component
public class ApprovingDocument {

	private final DocumentTable table;
	private final DocumentSignatures signatures;
	private final DocumentLayout layout;
	private final DocumentHistory history;
	private final Clock clock;

	ApprovingDocument(DocumentTable table, DocumentSignatures signatures, DocumentLayout layout, DocumentHistory history,
			Clock clock) {
		this.table = table;
		this.signatures = signatures;
		this.layout = layout;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * The leader approves and signs personally (Nghị định 30/2020): the PDF is rendered without the "DỰ THẢO"
	 * mark but with blank number and date, and signed with the leader's own signing identity, unlocked with
	 * {@code password} (never stored). Wrong password or no identity: a {@link DocumentException} on field
	 * {@code password}, and nothing changes.
	 */
	public void approve(Actor actor, long id, char[] password) {
		DocumentRules.require(actor, Role.LEADER);
		var entry = table.entry(actor.unitCode(), id);
		var to = entry.take(RegisterEntry.Step.APPROVE);
		var doc = entry.withoutBlanks().document();
		var identity = signatures.personal(actor, clock.instant());
		var signer = signatures.unlock(actor.unitCode(), identity.id(), password);
		var pdf = layout.render(doc, null, null, false);
		var signed = signatures.signInBox(pdf, doc.signerName(), signer, SignatureAppearance.personal(identity.holderName()));
		table.approved(actor.unitCode(), id, signed, identity.holderName());
		history.record(actor, "document.approved", id, Document.SUBMITTED,
				to + DocumentException.vietnamese("documents.text.personalSignature", identity.holderName()));
	}

	/** The leader sends a submitted document back to its drafter. */
	public void returnToDraft(Actor actor, long id) {
		DocumentRules.require(actor, Role.LEADER);
		var entry = table.entry(actor.unitCode(), id);
		var to = entry.take(RegisterEntry.Step.RETURN);
		table.setStatus(actor.unitCode(), id, to);
		history.record(actor, "document.returned", id, entry.document().status(), to);
	}
}
