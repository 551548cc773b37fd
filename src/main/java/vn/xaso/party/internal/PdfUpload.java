package vn.xaso.party.internal;

import java.io.IOException;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import vn.xaso.party.PartyException;

/**
 * A party upload (meeting material, library document, study material) checked by what it holds, never its name: it
 * starts with {@code %PDF-}, PDFBox reads it, it is not locked by a password, has pages and is at most 20 MB.
 */
final class PdfUpload {

	static final int LIMIT = 20 * 1024 * 1024;
	private static final byte[] MAGIC = { '%', 'P', 'D', 'F', '-' };

	private PdfUpload() {
	}

	/** The number of pages, or a refusal on the {@code file} field. */
	static int pagesOf(byte[] bytes) {
		String problem = bytes.length == 0 ? "party.error.fileMissing"
				: bytes.length > LIMIT ? "party.error.fileTooBig"
				: bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length) ? "party.error.fileNotPdf"
				: null;
		if (problem != null) {
			throw PartyException.of("file", problem);
		}
		try (var pdf = Loader.loadPDF(bytes)) {
			if (pdf.isEncrypted()) {
				throw PartyException.of("file", "party.error.fileLocked");
			}
			int pages = pdf.getNumberOfPages();
			if (pages == 0) {
				throw PartyException.of("file", "party.error.fileNotPdf");
			}
			return pages;
		}
		catch (InvalidPasswordException locked) {
			throw PartyException.of("file", "party.error.fileLocked");
		}
		catch (IOException broken) {
			throw PartyException.of("file", "party.error.fileBroken");
		}
	}
}
