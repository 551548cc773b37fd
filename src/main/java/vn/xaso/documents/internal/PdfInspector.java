package vn.xaso.documents.internal;

import java.io.IOException;
import java.text.Normalizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import vn.xaso.documents.DocumentException;

/** Checks an uploaded file really is a readable PDF and takes out its text for search. */
public final class PdfInspector {

	public static final int MAX_BYTES = 20 * 1024 * 1024;

	public record Inspection(int pages, String text) {
	}

	private PdfInspector() {
	}

	public static Inspection inspect(byte[] bytes) {
		if (bytes.length == 0) {
			throw DocumentException.of("file", "documents.error.pdfChoose");
		}
		if (bytes.length > MAX_BYTES) {
			throw DocumentException.of("file", "documents.error.pdfTooBig");
		}
		if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			throw DocumentException.of("file", "documents.error.pdfNotPdf");
		}
		try (var doc = Loader.loadPDF(bytes)) {
			if (doc.isEncrypted()) {
				throw DocumentException.of("file", "documents.error.pdfLocked");
			}
			var text = new PDFTextStripper().getText(doc);
			return new Inspection(doc.getNumberOfPages(), clean(text));
		}
		catch (InvalidPasswordException e) {
			throw DocumentException.of("file", "documents.error.pdfLocked");
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
