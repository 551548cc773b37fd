package vn.xaso.meetings.internal;

import vn.xaso.meetings.MeetingsException;
import vn.xaso.platform.render.ContentChecks;

/**
 * An agenda item's file is checked by its content, never its name ({@link ContentChecks}, as every upload is): the PDF
 * header, a real parse by PDFBox, not locked, at least one page, at most 20 MB. Gives the number of pages.
 */
final class PdfFiles {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private PdfFiles() {
	}

	static int pages(byte[] content) {
		try {
			return ContentChecks.pdfPages(content, MAX_BYTES);
		}
		catch (ContentChecks.Refused e) {
			throw new MeetingsException("file", switch (e.problem()) {
				case EMPTY -> "meetings.error.fileMissing";
				case TOO_LARGE -> "meetings.error.fileTooBig";
				case PDF_PASSWORD, PDF_ENCRYPTED -> "meetings.error.fileLocked";
				case PDF_BROKEN -> "meetings.error.fileBroken";
				default -> "meetings.error.fileNotPdf";
			});
		}
	}
}
