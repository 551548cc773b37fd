package vn.xaso.documents;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.documents.internal.ArchivePackage;
import vn.xaso.documents.internal.ArchivingWorkFile;
import vn.xaso.documents.internal.FilingWorkFile;
import vn.xaso.documents.internal.WorkFileQueries;
import vn.xaso.identity.Role;

/**
 * Work files (hồ sơ công việc, Nghị định 30/2020 Chương IV) of a commune, and their archive
 * packages. Any official of the unit reads them; only CLERK (văn thư) and LEADER create, file
 * documents, close, export and import ({@link AccessDeniedException} otherwise). Every change is
 * audited in the same transaction; a work file of another unit is "not found". Each method is one
 * transaction around a use case of {@code documents.internal} ({@link FilingWorkFile},
 * {@link ArchivingWorkFile}, {@link WorkFileQueries}).
 */
@Service
public class WorkFiles {

	private final FilingWorkFile filing;
	private final ArchivingWorkFile archiving;
	private final WorkFileQueries queries;

	WorkFiles(FilingWorkFile filing, ArchivingWorkFile archiving, WorkFileQueries queries) {
		this.filing = filing;
		this.archiving = archiving;
		this.queries = queries;
	}

	/** The fields of a new work file; {@code handler} is the username of an official of the unit. */
	public record NewWorkFile(String code, String title, String year, String handler, String retention) {
	}

	public record Row(long id, String organId, String code, String title, int year, String handlerName, String retention,
			String status, boolean imported, long documentCount) {
	}

	public record Listing(List<Row> rows, long total) {
	}

	/** A document that may be filed: released outgoing or incoming, in no work file yet. */
	public record Candidate(long id, boolean outgoing, DocumentType type, String numberSymbol, @Nullable Integer number,
			@Nullable LocalDate date, String summary) {
	}

	/** No such work file in the caller's unit (HTTP 404). */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	public static final class NotFound extends RuntimeException {

		public NotFound(long id) {
			super("no work file " + id + " in the caller's unit");
		}
	}

	public static boolean canManage(Actor actor) {
		return actor.has(Role.CLERK) || actor.has(Role.LEADER);
	}

	// ---------------------------------------------------------------- changes

	@Transactional
	public long create(Actor actor, NewWorkFile in) {
		return filing.create(actor, in);
	}

	/** Files a document (released outgoing, or incoming) into an open work file. */
	@Transactional
	public void add(Actor actor, long id, long documentId) {
		filing.add(actor, id, documentId);
	}

	@Transactional
	public void remove(Actor actor, long id, long documentId) {
		filing.remove(actor, id, documentId);
	}

	/** Closes the work file, freezing a copy of every document's metadata and PDF (see {@link FilingWorkFile#close}). */
	@Transactional
	public void close(Actor actor, long id) {
		filing.close(actor, id);
	}

	// ---------------------------------------------------------------- archive package

	/** Checks the caller may export the work file (CLERK or LEADER, closed, own unit) before streaming starts. */
	@Transactional(readOnly = true)
	public WorkFile exportable(Actor actor, long id) {
		return archiving.exportable(actor, id);
	}

	/** Streams the archive package of a closed work file, audited as {@code work_file.exported}. */
	@Transactional
	public void export(Actor actor, long id, OutputStream out) {
		archiving.export(actor, id, out);
	}

	/** Imports an archive package, verified completely first ({@link ArchivePackage#read}), as a closed work file. */
	@Transactional
	public long importArchive(Actor actor, byte[] zip) {
		return archiving.importArchive(actor, zip);
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Optional<WorkFile> find(Actor actor, long id) {
		return queries.find(actor, id);
	}

	/** The PDF of one frozen record of a closed work file. */
	@Transactional(readOnly = true)
	public Optional<byte[]> recordPdf(Actor actor, long id, int ordinal) {
		return queries.recordPdf(actor, id, ordinal);
	}

	/** Work files of the unit, newest year first; {@code q} matches code, title and handler without diacritics. */
	@Transactional(readOnly = true)
	public Listing list(Actor actor, @Nullable String q, @Nullable Integer year, @Nullable String status, int page, int size) {
		return queries.list(actor, q, year, status, page, size);
	}

	/** Documents that can be filed: matching the register number ("05", "12/QĐ-UBND") or words of the summary. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(Actor actor, @Nullable String q) {
		return queries.candidates(actor, q);
	}
}
