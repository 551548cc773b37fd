package vn.xaso.dossiers.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File responses of the dossier pages: personal data, so never cached by a shared cache. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return inline(bytes, MediaType.APPLICATION_PDF_VALUE, filename);
	}

	static ResponseEntity<byte[]> inline(byte[] bytes, String contentType, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	static ResponseEntity<byte[]> attachment(byte[] bytes, String contentType, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(bytes);
	}

	static String extension(String contentType) {
		return switch (contentType == null ? "" : contentType) {
			case "application/pdf" -> ".pdf";
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			default -> "";
		};
	}
}
