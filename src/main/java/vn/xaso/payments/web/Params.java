package vn.xaso.payments.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.payments.Bill;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.internal.QrImages;

/** Small request helpers shared by the payments controllers. */
final class Params {

	private Params() {
	}

	static int page(String text) {
		if (text == null || !text.strip().matches("[0-9]{1,6}")) {
			return 0;
		}
		return Integer.parseInt(text.strip());
	}

	static int size(String text) {
		if (text == null || !text.strip().matches("[0-9]{1,4}")) {
			throw PaymentException.of("size", "payments.error.qrSizeParam", String.valueOf(QrImages.MIN_SIZE), String.valueOf(QrImages.MAX_SIZE));
		}
		return Integer.parseInt(text.strip());
	}

	static boolean cashier(OfficialPrincipal me) {
		return me.has(Role.ONE_STOP) || me.has(Role.ADMIN);
	}

	static ResponseEntity<byte[]> png(byte[] png) {
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(MediaType.IMAGE_PNG).body(png);
	}

	static ResponseEntity<byte[]> pdf(byte[] pdf, Bill bill) {
		var name = "bien-lai-" + bill.reference() + ".pdf";
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}
}
