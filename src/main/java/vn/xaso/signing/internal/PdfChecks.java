package vn.xaso.signing.internal;

import org.apache.pdfbox.pdmodel.PDDocument;

import vn.xaso.platform.render.ContentChecks;
import vn.xaso.signing.PdfRejectedException;

/** Checks that bytes are a PDF we can work with ({@link ContentChecks}: header and a real parse, never the name). */
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
		try {
			return ContentChecks.openPdf(content, Long.MAX_VALUE);
		}
		catch (ContentChecks.Refused e) {
			throw PdfRejectedException.rejected(switch (e.problem()) {
				case EMPTY -> "signing.error.pdfEmpty";
				case PDF_PASSWORD -> "signing.error.pdfPassword";
				case PDF_ENCRYPTED -> "signing.error.pdfEncrypted";
				case PDF_BROKEN -> "signing.error.pdfBroken";
				default -> "signing.error.notPdf";
			});
		}
	}

	/** Checks the file and closes it again. */
	public static void check(byte[] content) {
		try (var document = open(content)) {
			// opened, so it is a PDF we can work with
		}
		catch (java.io.IOException ignored) {
			// nothing to release beyond memory
		}
	}
}
