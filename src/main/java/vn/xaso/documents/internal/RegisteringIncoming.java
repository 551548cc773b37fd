package vn.xaso.documents.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;

/** The clerk enters an incoming document (Phụ lục VI) with its PDF in the commune's incoming register. */
@Component
public class RegisteringIncoming {

	private final DocumentTable table;
	private final NumberAllocator numbers;
	private final DocumentSignatures signatures;
	private final Ocr ocr;
	private final DocumentHistory history;
	private final Clock clock;

	RegisteringIncoming(DocumentTable table, NumberAllocator numbers, DocumentSignatures signatures, Ocr ocr,
			DocumentHistory history, Clock clock) {
		this.table = table;
		this.numbers = numbers;
		this.signatures = signatures;
		this.ocr = ocr;
		this.history = history;
		this.clock = clock;
	}

	public long register(Actor actor, Documents.Incoming in) {
		DocumentRules.require(actor, Role.CLERK);
		var issuer = DocumentRules.text("issuer", in.issuer(), 1, 300, "documents.error.issuer");
		var original = DocumentRules.text("originalNumber", in.originalNumber(), 1, 60, "documents.error.originalNumber");
		var summary = DocumentRules.text("summary", in.summary(), 1, 500, "documents.error.summary");
		var signerName = DocumentRules.text("signerName", in.signerName(), 0, 100, "documents.error.signerNameLong");
		if (in.originalDate() == null) {
			throw DocumentException.of("originalDate", "documents.error.originalDateMissing");
		}
		var today = LocalDate.now(clock.withZone(Documents.VIETNAM));
		if (in.originalDate().isAfter(today)) {
			throw DocumentException.of("originalDate", "documents.error.originalDateFuture");
		}
		if (!Documents.URGENCIES.contains(in.urgency())) {
			throw DocumentException.of("urgency", "documents.error.urgency");
		}
		if (in.attachmentCount() < 0 || in.attachmentCount() > 999) {
			throw DocumentException.of("attachmentCount", "documents.error.attachmentCount");
		}
		// A scan has (almost) no text of its own: read it with Tesseract, if installed, so search finds it.
		var inspection = ocr.withOcrIfScanned(PdfInspector.inspect(in.pdf()), in.pdf());
		var check = signatures.check(in.pdf());
		int number = numbers.next(actor.unitCode(), NumberAllocator.INCOMING, today);
		long id = table.insertIncoming(new DocumentTable.Registered(actor.unitCode(), in.type(), summary, issuer, original,
				in.originalDate(), signerName, in.urgency(), inspection.pages(), in.attachmentCount(), today, number, in.pdf(),
				inspection.text(), actor.username(), check.lines(), check.summary()));
		history.record(actor, "document.registered", id, null,
				DocumentException.vietnamese("documents.text.registered", NumberAllocator.format(number), original));
		history.publish(DocumentMetrics.on(actor.unitCode(), today, DocumentMetrics.INCOMING_REGISTERED));
		return id;
	}
}
