package vn.xaso.documents.internal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.documents.Actor;
import vn.xaso.documents.DocumentException;
import vn.xaso.documents.WorkFile;
import vn.xaso.documents.WorkFiles;

/** Reading work files: one with its documents, the list, a frozen record's PDF, and the documents that may be filed. */
@Component
public class WorkFileQueries {

	private final WorkFileTable table;

	WorkFileQueries(WorkFileTable table) {
		this.table = table;
	}

	public Optional<WorkFile> find(Actor actor, long id) {
		return table.find(actor.unitCode(), id);
	}

	public Optional<byte[]> recordPdf(Actor actor, long id, int ordinal) {
		return table.recordPdf(actor.unitCode(), id, ordinal);
	}

	/** Work files of the unit, newest year first; {@code q} matches code, title and handler without diacritics. */
	public WorkFiles.Listing list(Actor actor, @Nullable String q, @Nullable Integer year, @Nullable String status, int page, int size) {
		List<String> words = List.of();
		if (q != null && !q.isBlank()) {
			if (q.length() > 200) {
				throw DocumentException.of("q", "documents.error.searchLong");
			}
			words = WorkFileTable.words(q);
		}
		var known = status != null && (status.equals(WorkFile.OPEN) || status.equals(WorkFile.CLOSED)) ? status : null;
		int limit = Math.max(1, Math.min(100, size));
		return table.list(actor.unitCode(), words, year, known, limit, Math.max(0, page) * limit);
	}

	/** Documents that can be filed: matching the register number ("05", "12/QĐ-UBND") or words of the summary. */
	public List<WorkFiles.Candidate> candidates(Actor actor, @Nullable String q) {
		Integer number = null;
		List<String> words = List.of();
		if (q != null && !q.isBlank()) {
			var s = q.strip();
			if (s.length() > 200) {
				throw DocumentException.of("q", "documents.error.searchLong");
			}
			if (s.matches("[0-9]{1,9}")) {
				number = Integer.parseInt(s);
			}
			else {
				words = WorkFileTable.words(s);
			}
		}
		return table.candidates(actor.unitCode(), number, words);
	}
}
