package vn.xaso.documents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;

/**
 * One document as an entry of the commune's registers: the aggregate of the documents workflow.
 * Each step is checked against the declared {@link Step workflow} (the direction and the statuses it
 * may start from, with the refusal when it may not) before the use case stores the change with
 * {@link DocumentTable}; a release registers the {@link Documents.DocumentReleased} events to publish.
 */
final class RegisterEntry {

	/** The workflow: outgoing {@code draft → submitted → approved → released}, incoming {@code registered → assigned → done}. */
	enum Step {
		EDIT(true, Set.of(Document.DRAFT), null, "documents.error.editNotDraft"),
		SUBMIT(true, Set.of(Document.DRAFT), Document.SUBMITTED, "documents.error.submitNotDraft"),
		RETURN(true, Set.of(Document.SUBMITTED), Document.DRAFT, "documents.error.returnNotSubmitted"),
		APPROVE(true, Set.of(Document.SUBMITTED), Document.APPROVED, "documents.error.approveNotSubmitted"),
		RELEASE(true, Set.of(Document.APPROVED), Document.RELEASED, "documents.error.releaseNotApproved"),
		ATTACH(true, Set.of(Document.DRAFT), null, "documents.error.attachNotDraft"),
		ASSIGN(false, Set.of(Document.REGISTERED, Document.ASSIGNED), Document.ASSIGNED, "documents.error.assignDone"),
		NOTE(null, Set.of(Document.ASSIGNED), null, "documents.error.noteNotAssigned"),
		FINISH(null, Set.of(Document.ASSIGNED), Document.DONE, "documents.error.doneNotAssigned");

		private final @Nullable Boolean outgoing;
		private final Set<String> from;
		private final @Nullable String to;
		private final String refusal;

		Step(@Nullable Boolean outgoing, Set<String> from, @Nullable String to, String refusal) {
			this.outgoing = outgoing;
			this.from = from;
			this.to = to;
			this.refusal = refusal;
		}
	}

	private final Document document;

	private RegisterEntry(Document document) {
		this.document = document;
	}

	static RegisterEntry of(Document document) {
		return new RegisterEntry(document);
	}

	Document document() {
		return document;
	}

	/** Checks {@code step} may happen now and gives the status after it (the same status for steps that keep it). */
	String take(Step step) {
		if ((step.outgoing != null && step.outgoing != document.outgoing()) || !step.from.contains(document.status())) {
			throw DocumentException.of("", step.refusal);
		}
		return step.to == null ? document.status() : step.to;
	}

	/** Only an assigned handler or a leader works on an assigned incoming document. */
	RegisterEntry handledBy(Actor actor) {
		if (!actor.has(Role.LEADER) && !document.assignedTo(actor.username())) {
			throw new AccessDeniedException("only an assigned handler or a leader");
		}
		return this;
	}

	/** Nothing is signed with the template's blanks (issue 21): a field still holding "…", "...", "[…]" or "{{ }}" stops the signature. */
	RegisterEntry withoutBlanks() {
		var fields = new java.util.LinkedHashMap<String, String>();
		fields.put("documents.text.fieldSummary", document.summary());
		fields.put("documents.text.fieldBody", document.body());
		fields.put("documents.text.fieldRecipients", document.recipients());
		fields.put("documents.text.fieldSignerAuthority", document.signerAuthority());
		fields.put("documents.text.fieldSignerTitle", document.signerTitle());
		fields.put("documents.text.fieldSignerName", document.signerName());
		for (var field : fields.entrySet()) {
			if (vn.xaso.platform.Blanks.in(field.getValue()).isPresent()) {
				throw DocumentException.of("password", "documents.error.blanks", new DefaultMessageSourceResolvable(field.getKey()),
						vn.xaso.platform.Blanks.where(field.getValue()));
			}
		}
		return this;
	}

	/**
	 * The events of the release: one per commune of XaSo named as a recipient, and one
	 * {@link Documents.DocumentReleased#BY_EMAIL} when outside recipients get it by e-mail.
	 */
	List<Documents.DocumentReleased> released(boolean byEmail) {
		var events = new ArrayList<Documents.DocumentReleased>();
		for (var code : DocumentRules.codes(document.internalRecipients())) {
			events.add(new Documents.DocumentReleased(document.unitCode(), document.id(), code));
		}
		if (byEmail) {
			events.add(new Documents.DocumentReleased(document.unitCode(), document.id(), Documents.DocumentReleased.BY_EMAIL));
		}
		return events;
	}
}
