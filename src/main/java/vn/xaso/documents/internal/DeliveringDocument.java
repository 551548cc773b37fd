package vn.xaso.documents.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;

/**
 * Files a released document in a recipient commune's incoming register, once: its PDF, text and
 * attachments are copied, and its signatures checked again on arrival.
 */
@Component
public class DeliveringDocument {

	private final DocumentTable table;
	private final AttachmentTable attachments;
	private final NumberAllocator numbers;
	private final DocumentSignatures signatures;
	private final DocumentLayout layout;
	private final DocumentHistory history;
	private final Clock clock;

	DeliveringDocument(DocumentTable table, AttachmentTable attachments, NumberAllocator numbers, DocumentSignatures signatures,
			DocumentLayout layout, DocumentHistory history, Clock clock) {
		this.table = table;
		this.attachments = attachments;
		this.numbers = numbers;
		this.signatures = signatures;
		this.layout = layout;
		this.history = history;
		this.clock = clock;
	}

	public void deliver(Documents.DocumentReleased event) {
		var source = table.releasedSource(event.unitCode(), event.documentId());
		if (source.isEmpty() || table.delivered(event.recipientUnit(), event.documentId(), event.unitCode())) {
			return;
		}
		var s = source.get();
		var today = LocalDate.now(clock.withZone(Documents.VIETNAM));
		var check = signatures.check(s.pdf());
		int number = numbers.next(event.recipientUnit(), NumberAllocator.INCOMING, today);
		var issuer = DocumentException.vietnamese("documents.text.issuer", layout.unitName(event.unitCode()));
		long id = table.insertDelivered(event.recipientUnit(), s, issuer, today, number, event.documentId(), event.unitCode(),
				check.lines(), check.summary());
		int copied = attachments.copy(event.unitCode(), event.documentId(), event.recipientUnit(), id);
		if (copied > 0) {
			table.setAttachmentCount(event.recipientUnit(), id, copied);
		}
		history.publish(DocumentMetrics.on(event.recipientUnit(), today, DocumentMetrics.INCOMING_REGISTERED,
				DocumentMetrics.INCOMING_ELECTRONIC));
		history.record(event.recipientUnit(), "system", "document.delivered", id, null,
				DocumentException.vietnamese("documents.text.delivered", NumberAllocator.format(number), s.numberSymbol(), issuer));
	}
}
