package vn.xaso.dossiers.internal;

import java.io.IOException;
import java.util.Arrays;


import org.apache.pdfbox.Loader;

import vn.xaso.platform.render.SafeImages;

/** Files are checked by content, never by name: PDF (parsed by PDFBox), JPEG or PNG (decoded), at most 10 MB. */
public final class FileChecks {

	public static final int MAX_BYTES = 10 * 1024 * 1024;
	public static final int MAX_FILES = 30;

	private FileChecks() {
	}

	/** The content type of an acceptable file; throws with a Vietnamese message on field {@code field}. */
	public static String contentType(String field, String name, byte[] content) {
		var shown = name.isBlank() ? Texts.vi("dossiers.text.file") : Texts.vi("dossiers.text.fileNamed", name);
		if (content.length == 0) {
			throw Texts.refused(field, "dossiers.error.fileEmpty", shown);
		}
		if (content.length > MAX_BYTES) {
			throw Texts.refused(field, "dossiers.error.fileTooBig", shown);
		}
		if (startsWith(content, "%PDF-".getBytes())) {
			try (var doc = Loader.loadPDF(content)) {
				if (doc.getNumberOfPages() < 1) {
					throw Texts.refused(field, "dossiers.error.fileNoPages", shown);
				}
				return "application/pdf";
			}
			catch (IOException e) {
				throw Texts.refused(field, "dossiers.error.fileBadPdf", shown);
			}
		}
		boolean jpeg = startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
		boolean png = startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		if (jpeg || png) {
			try {
				// Header-checked, subsampled and bounded: only whether it decodes matters here.
				var image = SafeImages.decode(content, 256);
				if (image == null || image.getWidth() < 1) {
					throw new IOException("not decodable");
				}
			}
			catch (SafeImages.TooLarge e) {
				throw Texts.refused(field, "dossiers.error.fileTooManyPixels", shown);
			}
			catch (SafeImages.Busy e) {
				throw Texts.refused(field, "dossiers.error.imagesBusy");
			}
			catch (IOException | RuntimeException e) {
				throw Texts.refused(field, "dossiers.error.fileBadImage", shown);
			}
			return jpeg ? "image/jpeg" : "image/png";
		}
		throw Texts.refused(field, "dossiers.error.fileType", shown);
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}
}
