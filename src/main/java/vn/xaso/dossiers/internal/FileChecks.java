package vn.xaso.dossiers.internal;

import java.io.IOException;
import java.util.Arrays;


import org.apache.pdfbox.Loader;

import vn.xaso.platform.render.SafeImages;
import vn.xaso.dossiers.DossierException;

/** Files are checked by content, never by name: PDF (parsed by PDFBox), JPEG or PNG (decoded), at most 10 MB. */
public final class FileChecks {

	public static final int MAX_BYTES = 10 * 1024 * 1024;
	public static final int MAX_FILES = 30;

	private FileChecks() {
	}

	/** The content type of an acceptable file; throws with a Vietnamese message on field {@code field}. */
	public static String contentType(String field, String name, byte[] content) {
		var shown = name.isBlank() ? "Tệp" : "Tệp \"" + name + "\"";
		if (content.length == 0) {
			throw new DossierException(field, shown + " trống, hãy chọn lại tệp.");
		}
		if (content.length > MAX_BYTES) {
			throw new DossierException(field, shown + " lớn quá 10 MB. Hãy quét ở độ phân giải thấp hơn hoặc chia nhỏ tệp.");
		}
		if (startsWith(content, "%PDF-".getBytes())) {
			try (var doc = Loader.loadPDF(content)) {
				if (doc.getNumberOfPages() < 1) {
					throw new DossierException(field, shown + " không có trang nào.");
				}
				return "application/pdf";
			}
			catch (IOException e) {
				throw new DossierException(field, shown + " không phải tệp PDF đọc được (tệp hỏng hoặc có mật khẩu).");
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
				throw new DossierException(field, shown + " có kích thước quá lớn (tối đa 50 triệu điểm ảnh). Hãy chụp hoặc quét nhỏ hơn.");
			}
			catch (SafeImages.Busy e) {
				throw new DossierException(field, "Máy chủ đang bận xử lý nhiều ảnh. Hãy gửi lại sau ít phút.");
			}
			catch (IOException | RuntimeException e) {
				throw new DossierException(field, shown + " không phải ảnh đọc được.");
			}
			return jpeg ? "image/jpeg" : "image/png";
		}
		throw new DossierException(field, shown + " không phải PDF, JPG hay PNG. Chỉ nhận tệp PDF hoặc ảnh JPG, PNG.");
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}
}
