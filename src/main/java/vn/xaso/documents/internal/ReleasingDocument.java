package vn.xaso.documents.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;
import vn.xaso.signing.SignatureAppearance;

/**
 * The clerk releases an approved document: it takes the next number of the commune's outgoing register for
 * the Vietnam-local year; the number and date are written into the leader-signed PDF as an incremental
 * update (annotations), and the organisation's signature with its seal is added over the whole file — all in
 * the caller's transaction, so a failure (wrong password, no organisation identity) gives the number back and
 * changes nothing. Internal recipients receive it in their incoming register after the commit.
 */
@Component
public class ReleasingDocument {

	private final DocumentTable table;
	private final NumberAllocator numbers;
	private final DocumentSignatures signatures;
	private final DocumentLayout layout;
	private final DocumentHistory history;
	private final Clock clock;

	ReleasingDocument(DocumentTable table, NumberAllocator numbers, DocumentSignatures signatures, DocumentLayout layout,
			DocumentHistory history, Clock clock) {
		this.table = table;
		this.numbers = numbers;
		this.signatures = signatures;
		this.layout = layout;
		this.history = history;
		this.clock = clock;
	}

	/** The same use case on another clock (tests of the new year's first number). */
	public ReleasingDocument at(Clock other) {
		return new ReleasingDocument(table, numbers, signatures, layout, history, other);
	}

	public Document release(Actor actor, long id, char[] organisationPassword) {
		DocumentRules.require(actor, Role.CLERK);
		var entry = table.entry(actor.unitCode(), id);
		entry.take(RegisterEntry.Step.RELEASE);
		var doc = entry.document();
		var organisation = signatures.organisation(actor.unitCode(), clock.instant());
		var signer = signatures.unlock(actor.unitCode(), organisation.id(), organisationPassword);
		var leaderSigned = table.leaderSignedPdf(actor.unitCode(), id);

		var today = LocalDate.now(clock.withZone(Documents.VIETNAM));
		int number = numbers.next(actor.unitCode(), NumberAllocator.OUTGOING, today);
		var numberSymbol = layout.numberSymbol(doc, number);
		// approved before personal signatures existed: the numbered PDF gets the organisation's signature only
		var unsealed = leaderSigned != null ? PdfStamps.stampNumberAndDate(leaderSigned, NumberAllocator.format(number), today)
				: layout.render(doc, numberSymbol, today, false);
		var pdf = signatures.signInBox(unsealed, doc.signerName(), signer, SignatureAppearance.organisation(organisation.holderName()));
		int attachments = signatures.signAttachments(actor.unitCode(), id, signer, organisation.holderName(), numberSymbol);
		var inspection = PdfInspector.read(pdf);
		var check = signatures.check(pdf);
		table.released(actor.unitCode(), id, new DocumentTable.Release(today.getYear(), number, numberSymbol, today, pdf,
				inspection.text(), inspection.pages(), check.lines(), check.summary()));
		history.record(actor, "document.released", id, doc.status(), DocumentException.vietnamese("documents.text.released",
				numberSymbol, today.toString(), organisation.holderName())
				+ (attachments == 0 ? "" : DocumentException.vietnamese("documents.text.attachmentsSigned", String.valueOf(attachments))));
		history.publish(DocumentMetrics.on(actor.unitCode(), today, DocumentMetrics.OUTGOING_RELEASED, DocumentMetrics.OUTGOING_SIGNED));
		entry.released(table.hasEmailRecipients(actor.unitCode(), id)).forEach(history::publish);
		return table.find(actor.unitCode(), id).orElseThrow();
	}
}
