package vn.xaso.platform.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file is, judged by its content, never its name: its first bytes, then a real parse (a PDF by PDFBox,
 * a picture by {@link SafeImages}, which reads the pixel count from the header before decoding). The one check every
 * module's uploads go through; a module turns each {@link Problem} into its own message.
 */
public final class ContentChecks {

	public static final String PDF = "application/pdf";
	public static final String JPEG = "image/jpeg";
	public static final String PNG = "image/png";

	/** How far into the file a PDF header may stand (as PDF readers allow). */
	private static final int PDF_HEADER_WITHIN = 1024;

	/** Why a file was refused. */
	public enum Problem {
		/** No bytes. */
		EMPTY,
		/** More bytes than allowed. */
		TOO_LARGE,
		/** Neither a PDF nor a picture of a kind taken here. */
		UNKNOWN_KIND,
		/** Expected a PDF, but it has no PDF header. */
		NOT_PDF,
		/** A PDF that opens only with a password. */
		PDF_PASSWORD,
		/** A PDF that opens but is encrypted (its use restricted). */
		PDF_ENCRYPTED,
		/** A PDF that does not parse. */
		PDF_BROKEN,
		/** A PDF without a page. */
		PDF_NO_PAGES,
		/** A picture whose header declares more than {@link SafeImages#MAX_PIXELS}. */
		IMAGE_PIXELS,
		/** Too many pictures are being decoded at once; try again shortly. */
		IMAGE_BUSY,
		/** A picture that does not decode. */
		IMAGE_BROKEN,
		/** A picture that decodes to nothing. */
		IMAGE_UNREADABLE,
		/** A WebP picture, and no WebP reader is installed. */
		WEBP_UNSUPPORTED
	}

	/** A file refused for {@link #problem()}. */
	public static final class Refused extends Exception {

		private static final long serialVersionUID = 1L;

		private final Problem problem;

		Refused(Problem problem) {
			super(problem.name(), null, false, false);
			this.problem = problem;
		}

		public Problem problem() {
			return problem;
		}
	}

	private ContentChecks() {
	}

	/** The kind the first bytes say: "jpeg", "png", "webp", "pdf" or null. */
	public static @Nullable String sniff(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return "jpeg";
		}
		if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "png";
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return "webp";
		}
		if (b.length >= 5 && new String(b, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
			return "pdf";
		}
		return null;
	}

	/** Refuses no bytes ({@link Problem#EMPTY}) and more than {@code maxBytes} ({@link Problem#TOO_LARGE}). */
	public static void checkSize(byte[] content, long maxBytes) throws Refused {
		if (content.length == 0) {
			throw new Refused(Problem.EMPTY);
		}
		if (content.length > maxBytes) {
			throw new Refused(Problem.TOO_LARGE);
		}
	}

	/**
	 * Opens a PDF of at most {@code maxBytes} that needs no password and is not encrypted; the caller closes it.
	 * Pages are not counted ({@link #pdfPages} does).
	 */
	public static PDDocument openPdf(byte[] content, long maxBytes) throws Refused {
		checkSize(content, maxBytes);
		var head = new String(content, 0, Math.min(content.length, PDF_HEADER_WITHIN), StandardCharsets.ISO_8859_1);
		if (!head.contains("%PDF-")) {
			throw new Refused(Problem.NOT_PDF);
		}
		PDDocument document;
		try {
			document = Loader.loadPDF(content);
		}
		catch (InvalidPasswordException e) {
			throw new Refused(Problem.PDF_PASSWORD);
		}
		catch (IOException | RuntimeException e) {
			throw new Refused(Problem.PDF_BROKEN);
		}
		if (document.isEncrypted()) {
			close(document);
			throw new Refused(Problem.PDF_ENCRYPTED);
		}
		return document;
	}

	/** Checks a PDF as {@link #openPdf} does and that it has a page; its number of pages. */
	public static int pdfPages(byte[] content, long maxBytes) throws Refused {
		var document = openPdf(content, maxBytes);
		try {
			int pages = document.getNumberOfPages();
			if (pages < 1) {
				throw new Refused(Problem.PDF_NO_PAGES);
			}
			return pages;
		}
		finally {
			close(document);
		}
	}

	/** The content type of a PDF (with a page) or a JPEG or PNG picture (that decodes) of at most {@code maxBytes}. */
	public static String pdfOrPicture(byte[] content, long maxBytes) throws Refused {
		checkSize(content, maxBytes);
		var kind = sniff(content);
		if ("pdf".equals(kind)) {
			pdfPages(content, maxBytes);
			return PDF;
		}
		if ("jpeg".equals(kind) || "png".equals(kind)) {
			decode(content, 256);
			return "jpeg".equals(kind) ? JPEG : PNG;
		}
		throw new Refused(Problem.UNKNOWN_KIND);
	}

	/** Decodes a picture as {@link SafeImages#decode} does, its problems as {@link Refused}. */
	static java.awt.image.BufferedImage decode(byte[] content, int maxSide) throws Refused {
		java.awt.image.BufferedImage image;
		try {
			image = SafeImages.decode(content, maxSide);
		}
		catch (SafeImages.TooLarge e) {
			throw new Refused(Problem.IMAGE_PIXELS);
		}
		catch (SafeImages.Busy e) {
			throw new Refused(Problem.IMAGE_BUSY);
		}
		catch (IOException | RuntimeException e) {
			throw new Refused(Problem.IMAGE_BROKEN);
		}
		if (image == null || image.getWidth() < 1) {
			throw new Refused(Problem.IMAGE_UNREADABLE);
		}
		return image;
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
