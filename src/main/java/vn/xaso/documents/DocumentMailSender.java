package vn.xaso.documents;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.xaso.platform.RetriedLater;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * E-mails a released document to its outside recipients after the release committed. When an
 * e-mail fails the listener fails too, so the Modulith event registry keeps the publication
 * incomplete (republished on restart); {@link DocumentJobs} retries failed e-mails meanwhile.
 * The release itself is never affected. A failed e-mail is one warning line (with the attempt number and the
 * cause), not a stack trace: see {@link RetriedLater}.
 */
@Component
class DocumentMailSender {

	private final DocumentMail mail;
	private final Clock clock;

	DocumentMailSender(DocumentMail mail, Clock clock) {
		this.mail = mail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	public void on(Documents.DocumentReleased event) {
		if (!event.byEmail()) {
			return;
		}
		boolean done = Tenancy.callAs(UnitScope.of(event.unitCode()),
				() -> mail.deliver(event.unitCode(), event.documentId(), clock.instant()));
		if (!done) {
			// DocumentMail logged the reason and the attempt in one line; this only keeps the publication incomplete.
			throw new RetriedLater("E-mail of document " + event.documentId() + " failed; it will be retried.");
		}
	}
}
