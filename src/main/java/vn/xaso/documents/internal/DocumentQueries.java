package vn.xaso.documents.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;

/** Reading the registers: one document, its PDF, attachments and signatures, the lists, the year's counts, the handlers. */
@Component
public class DocumentQueries {

	private final DocumentTable table;
	private final AttachmentTable attachments;
	private final DocumentLayout layout;
	private final DocumentSearch search;
	private final Accounts accounts;
	private final Clock clock;

	DocumentQueries(DocumentTable table, AttachmentTable attachments, DocumentLayout layout, JdbcClient jdbc,
			WorkingCalendar calendar, Accounts accounts, Clock clock) {
		this.table = table;
		this.attachments = attachments;
		this.layout = layout;
		this.search = new DocumentSearch(jdbc, calendar, clock);
		this.accounts = accounts;
		this.clock = clock;
	}

	public Optional<Document> find(Actor actor, long id) {
		return table.find(actor.unitCode(), id);
	}

	public Documents.Listing search(Actor actor, Documents.Search s) {
		return search.search(actor.unitCode(), actor.username(), s);
	}

	public Documents.Counts counts(String unitCode, int year) {
		return table.counts(unitCode, year, LocalDate.now(clock.withZone(Documents.VIETNAM)));
	}

	/** Active officials of the actor's unit who can handle documents. */
	public List<Documents.Handler> handlers(Actor actor) {
		return accounts.list(actor.unitCode(), null, 0, 200).items().stream()
			.filter(o -> o.active() && !o.roles().contains(Role.PROVINCE_VIEWER))
			.map(o -> new Documents.Handler(o.username(), o.fullName()))
			.toList();
	}

	public List<Documents.Attachment> attachments(Actor actor, long id) {
		return attachments.list(actor.unitCode(), id);
	}

	public Optional<byte[]> attachmentPdf(Actor actor, long id, long attachmentId) {
		return attachments.pdf(actor.unitCode(), id, attachmentId);
	}

	public Optional<Documents.Signatures> signatures(Actor actor, long id) {
		return table.signatures(actor.unitCode(), id);
	}

	/** The PDF of a draft (with blank number and date) or of a released document as stored. */
	public Optional<byte[]> pdf(Actor actor, long id) {
		return find(actor, id).map(doc -> doc.hasPdf() ? table.storedPdf(actor.unitCode(), id) : layout.render(doc, null, null));
	}
}
