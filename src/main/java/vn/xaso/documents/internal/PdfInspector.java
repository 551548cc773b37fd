package vn.xaso.documents.internal;

import java.io.IOException;
import java.text.Normalizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

import vn.xaso.documents.DocumentException;
import vn.xaso.platform.render.ContentChecks;

/** Checks an uploaded file really is a readable PDF ({@link ContentChecks}) and takes out its text for search. */
public final class PdfInspector {

	public static final int MAX_BYTES = 20 * 1024 * 1024;

	public record Inspection(int pages, String text) {
	}

	private PdfInspector() {
	}

	public static Inspection inspect(byte[] bytes) {
		try (var doc = ContentChecks.openPdf(bytes, MAX_BYTES)) {
			var text = new PDFTextStripper().getText(doc);
			return new Inspection(doc.getNumberOfPages(), clean(text));
		}
		catch (ContentChecks.Refused e) {
			throw DocumentException.of("file", switch (e.problem()) {
				case EMPTY -> "documents.error.pdfChoose";
				case TOO_LARGE -> "documents.error.pdfTooBig";
				case NOT_PDF -> "documents.error.pdfNotPdf";
				case PDF_PASSWORD, PDF_ENCRYPTED -> "documents.error.pdfLocked";
				default -> "documents.error.pdfUnreadable";
			});
		}
		catch (IOException e) {
			throw DocumentException.of("file", "documents.error.pdfUnreadable");
		}
	}

	/** Pages and text of a PDF we made ourselves. */
	public static Inspection read(byte[] pdf) {
		try (var doc = Loader.loadPDF(pdf)) {
			return new Inspection(doc.getNumberOfPages(), clean(new PDFTextStripper().getText(doc)));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String clean(String text) {
		var nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u0000', ' ');
		return nfc.length() > 1_000_000 ? nfc.substring(0, 1_000_000) : nfc;
	}
}
