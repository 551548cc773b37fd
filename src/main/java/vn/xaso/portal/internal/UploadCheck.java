package vn.xaso.portal.internal;

import vn.xaso.platform.render.ContentChecks;
import vn.xaso.portal.PortalException;

/** Checks an attachment by its content ({@link ContentChecks}): a readable PDF, or a PNG or JPEG picture that decodes. */
public final class UploadCheck {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private UploadCheck() {
	}

	/** The real content type of the file; refuses anything else with a message for the editor. */
	public static String contentType(byte[] bytes) {
		try {
			return ContentChecks.pdfOrPicture(bytes, MAX_BYTES);
		}
		catch (ContentChecks.Refused e) {
			throw new PortalException("file", switch (e.problem()) {
				case EMPTY -> "portal.error.fileMissing";
				case TOO_LARGE -> "portal.error.fileLarge";
				case PDF_PASSWORD, PDF_ENCRYPTED -> "portal.error.pdfPassword";
				case NOT_PDF, PDF_BROKEN, PDF_NO_PAGES -> "portal.error.pdfBroken";
				case IMAGE_PIXELS -> "portal.error.imagePixels";
				case IMAGE_BUSY -> "portal.error.imageBusy";
				case IMAGE_BROKEN -> "portal.error.imageBroken";
				case IMAGE_UNREADABLE -> "portal.error.imageUnreadable";
				default -> "portal.error.fileKind";
			});
		}
	}
}
