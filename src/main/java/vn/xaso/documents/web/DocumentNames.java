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
		return vn.xaso.platform.Refusal.bundleText("i18n/documents", doc.outgoing() ? "documents.text.fileDraft" : "documents.text.fileIncoming",
				doc.summary()); // a file name: in Vietnamese in every language
	}

	static String contentDisposition(Document doc) {
		return DownloadNames.contentDisposition(true, name(doc), ".pdf");
	}

	static String attachmentDisposition(Document doc, String title) {
		return DownloadNames.contentDisposition(true,
				vn.xaso.platform.Refusal.bundleText("i18n/documents", "documents.text.fileAttachment", name(doc), title), ".pdf");
	}
}
