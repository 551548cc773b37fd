package vn.xaso.documents.internal;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.identity.Role;

/**
 * Drafting an outgoing document: writing and correcting the draft, its attachment files, submitting
 * it to the leader, and the commune's abbreviations used in its symbol.
 */
@Component
public class DraftingDocument {

	private final DocumentTable table;
	private final AttachmentTable attachments;
	private final SettingTable settings;
	private final DocumentLayout layout;
	private final DocumentHistory history;

	DraftingDocument(DocumentTable table, AttachmentTable attachments, SettingTable settings, DocumentLayout layout,
			DocumentHistory history) {
		this.table = table;
		this.attachments = attachments;
		this.settings = settings;
		this.layout = layout;
		this.history = history;
	}

	public long draft(Actor actor, Documents.Draft draft) {
		DocumentRules.requireDrafter(actor);
		var d = layout.validate(actor.unitCode(), draft);
		long id = table.insertDraft(actor, d, layout.placeName(actor.unitCode()));
		history.record(actor, "document.drafted", id, null, d.type().label() + ": " + d.summary());
		return id;
	}

	public void update(Actor actor, long id, Documents.Draft draft) {
		DocumentRules.requireDrafter(actor);
		var entry = table.entry(actor.unitCode(), id);
		entry.take(RegisterEntry.Step.EDIT);
		var d = layout.validate(actor.unitCode(), draft);
		table.updateDraft(actor.unitCode(), id, d);
		history.record(actor, "document.updated", id, entry.document().summary(), d.summary());
	}

	public void submit(Actor actor, long id) {
		DocumentRules.requireDrafter(actor);
		var entry = table.entry(actor.unitCode(), id);
		var to = entry.take(RegisterEntry.Step.SUBMIT);
		table.setStatus(actor.unitCode(), id, to);
		history.record(actor, "document.submitted", id, entry.document().status(), to);
	}

	/**
	 * Adds an attachment PDF (phụ lục, tài liệu kèm theo sent as a separate file) to an outgoing draft. The file is
	 * checked by its content like an incoming PDF: really a PDF, not encrypted, at most 20 MB.
	 */
	public long addAttachment(Actor actor, long id, String title, byte[] pdf) {
		DocumentRules.requireDrafter(actor);
		table.entry(actor.unitCode(), id).take(RegisterEntry.Step.ATTACH);
		var t = DocumentRules.text("title", title, 1, 300, "documents.error.attachmentTitle");
		if (attachments.count(actor.unitCode(), id) >= Documents.MAX_ATTACHMENTS) {
			throw DocumentException.of("file", "documents.error.attachmentsMax", String.valueOf(Documents.MAX_ATTACHMENTS));
		}
		try {
			PdfInspector.inspect(pdf);
		}
		catch (DocumentException e) {
			throw "documents.error.pdfChoose".equals(e.key()) ? DocumentException.of("file", "documents.error.attachmentChoose")
					: "documents.error.pdfNotPdf".equals(e.key()) ? DocumentException.of("file", "documents.error.attachmentNotPdf") : e;
		}
		long attachmentId = attachments.insert(actor.unitCode(), id, t, pdf, actor.username());
		history.record(actor, "document.attachment.added", id, null, t);
		return attachmentId;
	}

	public void removeAttachment(Actor actor, long id, long attachmentId) {
		DocumentRules.requireDrafter(actor);
		table.entry(actor.unitCode(), id).take(RegisterEntry.Step.ATTACH);
		var title = attachments.delete(actor.unitCode(), id, attachmentId).orElseThrow(() -> new Documents.NotFound(id));
		history.record(actor, "document.attachment.removed", id, title, null);
	}

	/** Capital letters (with Đ, U+0110), digits: 1 to 12. */
	private static final String ABBREVIATION = "[A-Z\\x{0110}0-9]{1,12}";

	/** The agency and office abbreviations of the commune in symbols ({@code UBND}, {@code VP} unless set). */
	public void setAbbreviations(Actor actor, String agency, String office) {
		DocumentRules.require(actor, Role.ADMIN);
		var a = agency.strip().toUpperCase(java.util.Locale.ROOT);
		var o = office.strip().toUpperCase(java.util.Locale.ROOT);
		if (!a.matches(ABBREVIATION) || !o.matches(ABBREVIATION)) {
			throw DocumentException.of("agency", "documents.error.abbreviation");
		}
		settings.save(actor.unitCode(), new SettingTable.Abbreviations(a, o));
		history.record(actor, "document.settings", 0, null, a + "-" + o);
	}
}
