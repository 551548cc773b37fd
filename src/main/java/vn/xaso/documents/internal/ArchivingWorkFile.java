package vn.xaso.documents.internal;

import java.io.OutputStream;
import java.time.Clock;

import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.Documents;
import vn.xaso.documents.WorkFile;
import vn.xaso.documents.WorkFiles;

/** The archive package of a closed work file: exporting it, and importing one from another commune (see {@link ArchivePackage}). */
@Component
public class ArchivingWorkFile {

	private final WorkFileTable table;
	private final DocumentHistory history;
	private final Clock clock;

	ArchivingWorkFile(WorkFileTable table, DocumentHistory history, Clock clock) {
		this.table = table;
		this.history = history;
		this.clock = clock;
	}

	/** Checks the caller may export the work file (CLERK or LEADER, closed, own unit) before streaming starts. */
	public WorkFile exportable(Actor actor, long id) {
		FilingWorkFile.requireManager(actor);
		var wf = table.find(actor.unitCode(), id).orElseThrow(() -> new WorkFiles.NotFound(id));
		if (!wf.closed()) {
			throw DocumentException.of("", "documents.error.workFileExportOpen");
		}
		return wf;
	}

	/**
	 * Streams the archive package of a closed work file: one PDF at a time from the database, then
	 * metadata.json and manifest-sha256.txt. Audited as {@code work_file.exported}.
	 */
	public void export(Actor actor, long id, OutputStream out) {
		var wf = exportable(actor, id);
		var entries = table.entries(actor.unitCode(), id);
		var writer = new ArchivePackage.Writer(out);
		for (var e : entries) {
			writer.add(e.path(), table.recordPdf(actor.unitCode(), id, e.ordinal()).orElseThrow());
		}
		history.recordWorkFile(actor, "work_file.exported", id, null,
				DocumentException.vietnamese("documents.text.documentCount", String.valueOf(entries.size())));
		writer.finish(new ArchivePackage.FileMeta(wf.id(), wf.organId(), wf.code(), wf.title(), wf.year(), wf.handlerName(),
				wf.retention(), wf.createdAt(), wf.closedAt()), entries, clock.instant(), actor.username(), actor.unitCode());
	}

	/**
	 * Imports an archive package into the caller's unit as a closed work file of archived records
	 * (same metadata, byte-identical PDFs). The package is verified completely first (see
	 * {@link ArchivePackage#read}); any problem refuses the whole package and stores nothing.
	 */
	public long importArchive(Actor actor, byte[] zip) {
		FilingWorkFile.requireManager(actor);
		var parsed = ArchivePackage.read(zip);
		var f = parsed.file();
		if (!f.code().matches(FilingWorkFile.CODE) || !f.organId().matches("[0-9A-Za-z]{1,20}")
				|| f.title().isBlank() || f.title().length() > 500 || f.year() < 1900 || f.year() > 2199
				|| f.handlerName().isBlank() || f.handlerName().length() > 100 || !WorkFile.RETENTIONS.contains(f.retention())) {
			throw DocumentException.of("file", "documents.error.archiveFile");
		}
		for (var e : parsed.entries()) {
			if (!Documents.URGENCIES.contains(e.urgency()) || e.summary().isBlank() || e.summary().length() > 500
					|| e.attachmentCount() < 0 || e.attachmentCount() > 999) {
				throw DocumentException.of("file", "documents.error.archiveEntry", String.valueOf(e.ordinal()));
			}
		}
		if (table.exists(actor.unitCode(), f.organId(), f.code())) {
			throw DocumentException.of("file", "documents.error.archiveTaken", f.code(), f.organId());
		}
		long id = table.insertImported(actor, f);
		for (var e : parsed.entries()) {
			table.insertRecord(actor.unitCode(), id, e, parsed.pdfs().get(e.path()));
		}
		table.close(actor, id);
		history.recordWorkFile(actor, "work_file.imported", id, null, f.organId() + "." + f.year() + "." + f.code() + ": "
				+ DocumentException.vietnamese("documents.text.documentCount", String.valueOf(parsed.entries().size())));
		return id;
	}
}
