package vn.xaso.signing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import vn.xaso.signing.PdfRejectedException;

/** Checks that bytes are a PDF we can work with: judged by content (header and a real parse), never the name. */
public final class PdfChecks {

	private PdfChecks() {
	}

	public static void checkSize(long size, int maxMegabytes) {
		if (size > (long) maxMegabytes * 1024 * 1024) {
			throw PdfRejectedException.rejected("signing.error.tooLarge", String.valueOf(maxMegabytes));
		}
	}

	/** Opens the PDF; the caller closes it. Rejects non-PDFs and encrypted PDFs with a plain reason. */
	public static PDDocument open(byte[] content) {
		if (content.length == 0) {
			throw PdfRejectedException.rejected("signing.error.pdfEmpty");
		}
		var head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
		if (!head.contains("%PDF-")) {
			throw PdfRejectedException.rejected("signing.error.notPdf");
		}
		PDDocument document;
		try {
			document = Loader.loadPDF(content);
		}
		catch (InvalidPasswordException e) {
			throw PdfRejectedException.rejected("signing.error.pdfPassword");
		}
		catch (IOException e) {
			throw PdfRejectedException.rejected("signing.error.pdfBroken");
		}
		if (document.isEncrypted()) {
			close(document);
			throw PdfRejectedException.rejected("signing.error.pdfEncrypted");
		}
		return document;
	}

	/** Checks the file and closes it again. */
	public static void check(byte[] content) {
		close(open(content));
	}

	private static void close(PDDocument document) {
		try {
			document.close();
		}
		catch (IOException ignored) {
			// nothing to release beyond memory
		}
	}
}
