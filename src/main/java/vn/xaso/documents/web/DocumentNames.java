package vn.xaso.documents.web;

import vn.xaso.documents.Document;
import vn.xaso.platform.web.DownloadNames;

/**
 * Download names of a document's PDFs by number and summary: "01-QĐ-UBND Về việc …" (ASCII
 * {@code 01-QD-UBND-ve-viec-….pdf}); a draft "Dự thảo …"; an incoming document by its own number.
 */
final class DocumentNames {

	private DocumentNames() {
	}

	static String name(Document doc) {
		if (doc.numberSymbol() != null && !doc.numberSymbol().isBlank()) {
			return doc.numberSymbol() + " " + doc.summary();
		}
		if (!doc.outgoing() && !doc.originalNumber().isBlank()) {
			return doc.originalNumber() + " " + doc.summary();
		}
		return (doc.outgoing() ? "Dự thảo " : "Văn bản đến ") + doc.summary();
	}

	static String contentDisposition(Document doc) {
		return DownloadNames.contentDisposition(true, name(doc), ".pdf");
	}

	static String attachmentDisposition(Document doc, String title) {
		return DownloadNames.contentDisposition(true, name(doc) + " - kèm theo - " + title, ".pdf");
	}
}
