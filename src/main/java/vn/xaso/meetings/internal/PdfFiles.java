package vn.xaso.meetings.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import vn.xaso.meetings.MeetingsException;

/**
 * An agenda item's file is checked by its content, never its name (as documents' and dossiers' uploads are): the PDF
 * header, a real parse by PDFBox, not encrypted, at least one page, at most 20 MB. Gives the number of pages.
 */
final class PdfFiles {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private PdfFiles() {
	}

	static int pages(byte[] content) {
		if (content.length == 0) {
			throw new MeetingsException("file", "meetings.error.fileMissing");
		}
		if (content.length > MAX_BYTES) {
			throw new MeetingsException("file", "meetings.error.fileTooBig");
		}
		if (content.length < 5 || !new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			throw new MeetingsException("file", "meetings.error.fileNotPdf");
		}
		try (var doc = Loader.loadPDF(content)) {
			if (doc.isEncrypted()) {
				throw new MeetingsException("file", "meetings.error.fileLocked");
			}
			if (doc.getNumberOfPages() < 1) {
				throw new MeetingsException("file", "meetings.error.fileNotPdf");
			}
			return doc.getNumberOfPages();
		}
		catch (InvalidPasswordException e) {
			throw new MeetingsException("file", "meetings.error.fileLocked");
		}
		catch (IOException e) {
			throw new MeetingsException("file", "meetings.error.fileBroken");
		}
	}
}
