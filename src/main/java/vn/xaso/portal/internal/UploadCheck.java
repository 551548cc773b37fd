package vn.xaso.portal.internal;

import java.io.IOException;


import org.apache.pdfbox.Loader;

import vn.xaso.platform.render.SafeImages;
import vn.xaso.portal.PortalException;

/** Checks an attachment by its content: a readable PDF, or a PNG or JPEG picture that decodes. */
public final class UploadCheck {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private UploadCheck() {
	}

	/** The real content type of the file; refuses anything else with a message for the editor. */
	public static String contentType(byte[] bytes) {
		if (bytes.length == 0) {
			throw new PortalException("file", "portal.error.fileMissing");
		}
		if (bytes.length > MAX_BYTES) {
			throw new PortalException("file", "portal.error.fileLarge");
		}
		if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
			try (var doc = Loader.loadPDF(bytes)) {
				if (doc.isEncrypted()) {
					throw new PortalException("file", "portal.error.pdfPassword");
				}
				return "application/pdf";
			}
			catch (IOException e) {
				throw new PortalException("file", "portal.error.pdfBroken");
			}
		}
		boolean png = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && starts(bytes, 0x89, 'P', 'N', 'G');
		boolean jpeg = bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
		if (png || jpeg) {
			try {
				// Header-checked (50 megapixels at most, before decoding), subsampled and bounded.
				var image = SafeImages.decode(bytes, 256);
				if (image == null || image.getWidth() < 1) {
					throw new PortalException("file", "portal.error.imageUnreadable");
				}
				return png ? "image/png" : "image/jpeg";
			}
			catch (SafeImages.TooLarge e) {
				throw new PortalException("file", "portal.error.imagePixels");
			}
			catch (SafeImages.Busy e) {
				throw new PortalException("file", "portal.error.imageBusy");
			}
			catch (IOException e) {
				throw new PortalException("file", "portal.error.imageBroken");
			}
		}
		throw new PortalException("file", "portal.error.fileKind");
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
