package vn.xaso.documents.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.Document;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.documents.WorkFile;
import vn.xaso.documents.WorkFiles;

/**
 * Keeping a work file (hồ sơ công việc, Nghị định 30/2020 Chương IV): opening it, filing and
 * taking out documents while it is open, and closing it, which freezes its content.
 */
@Component
public class FilingWorkFile {

	static final String CODE = "[0-9A-Za-z][0-9A-Za-z./-]{0,19}";

	private final WorkFileTable table;
	private final DocumentQueries documents;
	private final DocumentLayout layout;
	private final DocumentHistory history;
	private final Clock clock;

	FilingWorkFile(WorkFileTable table, DocumentQueries documents, DocumentLayout layout, DocumentHistory history, Clock clock) {
		this.table = table;
		this.documents = documents;
		this.layout = layout;
		this.history = history;
		this.clock = clock;
	}

	public long create(Actor actor, WorkFiles.NewWorkFile in) {
		requireManager(actor);
		var code = in.code() == null ? "" : in.code().strip();
		if (!code.matches(CODE)) {
			throw DocumentException.of("code", "documents.error.workFileCode");
		}
		var title = DocumentRules.text("title", in.title(), 1, 500, "documents.error.workFileTitle");
		int year;
		try {
			year = Integer.parseInt(in.year() == null ? "" : in.year().strip());
		}
		catch (NumberFormatException e) {
			year = -1;
		}
		int thisYear = LocalDate.now(clock.withZone(Documents.VIETNAM)).getYear();
		if (year < 2000 || year > thisYear + 1) {
			throw DocumentException.of("year", "documents.error.workFileYear", String.valueOf(thisYear + 1));
		}
		var handler = documents.handlers(actor).stream().filter(h -> h.username().equals(in.handler())).findFirst()
			.orElseThrow(() -> DocumentException.of("handler", "documents.error.workFileHandler"));
		if (!WorkFile.RETENTIONS.contains(in.retention())) {
			throw DocumentException.of("retention", "documents.error.workFileRetention");
		}
		if (table.exists(actor.unitCode(), actor.unitCode(), code)) {
			throw DocumentException.of("code", "documents.error.workFileCodeTaken", code);
		}
		long id = table.insert(actor, code, title, year, handler, in.retention());
		history.recordWorkFile(actor, "work_file.created", id, null, code + ": " + title + " (" + WorkFile.retentionLabel(in.retention()) + ")");
		return id;
	}

	/** Files a document (released outgoing, or incoming) into an open work file. */
	public void add(Actor actor, long id, long documentId) {
		requireManager(actor);
		requireOpen(lock(actor, id));
		var doc = documents.find(actor, documentId)
			.orElseThrow(() -> DocumentException.of("documentId", "documents.error.workFileDocumentUnknown"));
		if (doc.outgoing() && !Document.RELEASED.equals(doc.status())) {
			throw DocumentException.of("documentId", "documents.error.workFileDocumentState");
		}
		var current = table.fileOf(documentId);
		if (current.isPresent()) {
			throw DocumentException.of("documentId", "documents.error.workFileAlreadyFiled", current.get());
		}
		table.addDocument(actor, id, documentId);
		history.recordWorkFile(actor, "work_file.document_added", id, null,
				DocumentException.vietnamese("documents.text.documentSummary", String.valueOf(documentId), doc.summary()));
	}

	public void remove(Actor actor, long id, long documentId) {
		requireManager(actor);
		requireOpen(lock(actor, id));
		if (!table.removeDocument(actor.unitCode(), id, documentId)) {
			throw DocumentException.of("documentId", "documents.error.workFileNotFiled");
		}
		history.recordWorkFile(actor, "work_file.document_removed", id,
				DocumentException.vietnamese("documents.text.documentId", String.valueOf(documentId)), null);
	}

	/**
	 * Closes the work file: copies every document's metadata and PDF into frozen records in
	 * chronological order (date of the document, then date received), then marks it closed. From
	 * then on the database refuses any change to the file, its documents list and its records.
	 */
	public void close(Actor actor, long id) {
		requireManager(actor);
		var wf = lock(actor, id);
		requireOpen(wf);
		if (wf.items().isEmpty()) {
			throw DocumentException.of("", "documents.error.workFileEmpty");
		}
		table.freeze(actor.unitCode(), id, DocumentException.vietnamese("documents.text.organ", layout.unitName(actor.unitCode())));
		table.close(actor, id);
		history.recordWorkFile(actor, "work_file.closed", id, WorkFile.OPEN,
				DocumentException.vietnamese("documents.text.closedWith", WorkFile.CLOSED, String.valueOf(wf.items().size())));
	}

	private WorkFile lock(Actor actor, long id) {
		return table.lock(actor.unitCode(), id).orElseThrow(() -> new WorkFiles.NotFound(id));
	}

	private static void requireOpen(WorkFile wf) {
		if (wf.closed()) {
			throw DocumentException.of("", "documents.error.workFileClosed");
		}
	}

	static void requireManager(Actor actor) {
		if (!WorkFiles.canManage(actor)) {
			throw new AccessDeniedException("only clerks and leaders keep, close, export and import work files");
		}
	}
}
