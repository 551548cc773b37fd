package vn.xaso.documents.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DraftEditing;

/**
 * A draft's earlier texts and the leader's reason for returning it: what {@link DraftEditing} stores, through the
 * module's adapters ({@link VersionTable}, and {@link DocumentTable} for the note).
 */
@Component
public class KeepingDraftVersions {

	private final VersionTable versions;
	private final DocumentTable documents;

	KeepingDraftVersions(VersionTable versions, DocumentTable documents) {
		this.versions = versions;
		this.documents = documents;
	}

	/** Keeps the text {@code before} had as the next version of the document. */
	public void keep(Actor actor, Document before) {
		versions.insert(actor.unitCode(), before.id(), versions.next(actor.unitCode(), before.id()), before, actor.username());
	}

	public List<DraftEditing.Version> list(Actor actor, long id) {
		return versions.list(actor.unitCode(), id).stream()
			.map(r -> new DraftEditing.Version(r.version(), r.type(), r.summary(), r.body(), r.recipients(), r.signerName(), r.savedBy(),
					r.savedAt()))
			.toList();
	}

	/** The leader's reason, shown to the drafter as a note on the document. */
	public void noteReturned(Actor actor, long id, String reason) {
		documents.addNote(actor, id, "returned", reason);
	}
}
