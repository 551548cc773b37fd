package vn.xaso.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A work file (hồ sơ công việc) of a commune: documents filed together under a code, kept for a
 * retention period. {@code open → closed}; closing freezes its content (a copy of every document's
 * metadata and PDF), which is what the archive package exports. {@code organId} is the unit that
 * made the file: the commune itself, or the original commune of an imported file.
 */
public record WorkFile(long id, String unitCode, String organId, String code, String title, int year,
		@Nullable String handlerUsername, String handlerName, String retention, String status, boolean imported,
		String createdBy, Instant createdAt, @Nullable Instant closedAt, List<Item> items) {

	public static final String OPEN = "open";
	public static final String CLOSED = "closed";
	/** Retention periods offered: years, or {@code permanent} (vĩnh viễn). */
	public static final List<String> RETENTIONS = List.of("5", "10", "20", "50", "70", "permanent");

	/**
	 * One document of the file in chronological order. {@code documentId} is the live document
	 * (null for imported records); {@code recordId} the frozen copy once closed.
	 */
	public record Item(int ordinal, @Nullable Long documentId, @Nullable Long recordId, boolean outgoing, DocumentType type,
			String numberSymbol, @Nullable Integer registerNumber, @Nullable LocalDate date, String summary,
			String organName, int pages) {
	}

	public boolean closed() {
		return CLOSED.equals(status);
	}

	/** How long the file is kept, in Vietnamese (the history and the archive package keep it): "Vĩnh viễn", "10 năm". */
	public static String retentionLabel(String retention) {
		return retentionLabel(retention, java.util.Locale.ROOT);
	}

	/** How long the file is kept, in {@code locale} (pages). */
	public static String retentionLabel(String retention, java.util.Locale locale) {
		return "permanent".equals(retention) ? vn.xaso.platform.Refusal.textIn("i18n/documents", locale, "documents.workfiles.permanent")
				: vn.xaso.platform.Refusal.textIn("i18n/documents", locale, "documents.workfiles.years", retention);
	}
}
