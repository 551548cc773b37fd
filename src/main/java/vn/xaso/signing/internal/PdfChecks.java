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
			throw new PdfRejectedException("Tệp quá lớn: tối đa " + maxMegabytes + " MB.");
		}
	}

	/** Opens the PDF; the caller closes it. Rejects non-PDFs and encrypted PDFs with a plain reason. */
	public static PDDocument open(byte[] content) {
		if (content.length == 0) {
			throw new PdfRejectedException("Tệp rỗng. Hãy chọn một tệp PDF.");
		}
		var head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
		if (!head.contains("%PDF-")) {
			throw new PdfRejectedException("Tệp này không phải là tệp PDF.");
		}
		PDDocument document;
		try {
			document = Loader.loadPDF(content);
		}
		catch (InvalidPasswordException e) {
			throw new PdfRejectedException("Tệp PDF được mã hóa bằng mật khẩu; không kiểm tra được chữ ký.");
		}
		catch (IOException e) {
			throw new PdfRejectedException("Tệp PDF bị hỏng hoặc không đọc được.");
		}
		if (document.isEncrypted()) {
			close(document);
			throw new PdfRejectedException("Tệp PDF được mã hóa; không kiểm tra được chữ ký.");
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
