package vn.xaso.dossiers.internal;

import vn.xaso.platform.render.ContentChecks;

/**
 * Files are checked by content, never by name ({@link ContentChecks}): PDF (parsed by PDFBox, with a page, not locked),
 * JPEG or PNG (decoded), at most 10 MB.
 */
public final class FileChecks {

	public static final int MAX_BYTES = 10 * 1024 * 1024;
	public static final int MAX_FILES = 30;

	private FileChecks() {
	}

	/** The content type of an acceptable file; throws with a Vietnamese message on field {@code field}. */
	public static String contentType(String field, String name, byte[] content) {
		try {
			return ContentChecks.pdfOrPicture(content, MAX_BYTES);
		}
		catch (ContentChecks.Refused e) {
			if (e.problem() == ContentChecks.Problem.IMAGE_BUSY) {
				throw Texts.refused(field, "dossiers.error.imagesBusy");
			}
			var shown = name.isBlank() ? Texts.vi("dossiers.text.file") : Texts.vi("dossiers.text.fileNamed", name);
			throw Texts.refused(field, switch (e.problem()) {
				case EMPTY -> "dossiers.error.fileEmpty";
				case TOO_LARGE -> "dossiers.error.fileTooBig";
				case PDF_NO_PAGES -> "dossiers.error.fileNoPages";
				case NOT_PDF, PDF_PASSWORD, PDF_ENCRYPTED, PDF_BROKEN -> "dossiers.error.fileBadPdf";
				case IMAGE_PIXELS -> "dossiers.error.fileTooManyPixels";
				case IMAGE_BROKEN, IMAGE_UNREADABLE -> "dossiers.error.fileBadImage";
				default -> "dossiers.error.fileType";
			}, shown);
		}
	}
}
