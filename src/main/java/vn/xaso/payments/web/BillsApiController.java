package vn.xaso.payments.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.payments.Bill;
import vn.xaso.payments.Payments;

/**
 * Bills for apps. A citizen sees only bills opened with their citizen id (any other id: 403); an
 * official only bills of their own commune (another commune's bill: 404, as if it did not exist).
 */
@RestController
class BillsApiController {

	private final Payments payments;

	BillsApiController(Payments payments) {
		this.payments = payments;
	}

	/** The JSON shape of a bill (amounts in whole đồng, times in UTC ISO-8601). */
	record BillJson(long id, String unitCode, String externalRef, String reference, String purpose, long amountVnd,
			long paidVnd, long dueVnd, String status, @Nullable String method, @Nullable Instant paidAt,
			@Nullable String receiptNumber, String amountInWords) {

		static BillJson of(Bill b) {
			return new BillJson(b.id(), b.unitCode(), b.externalRef(), b.reference(), b.purpose(), b.amountVnd(),
					b.paidVnd(), b.dueVnd(), b.status().name(), b.method() == null ? null : b.method().name(), b.paidAt(),
					b.receiptNumber(), vn.xaso.platform.VietnameseText.vnd(b.amountVnd()));
		}
	}

	record VietQrJson(long billId, String reference, long amountVnd, String payload, String pngUrl) {
	}

	@GetMapping("/api/v1/payments/bills/{id}")
	BillJson bill(Authentication auth, @PathVariable long id) {
		return BillJson.of(visible(auth, id));
	}

	@GetMapping("/api/v1/payments/bills/{id}/vietqr")
	VietQrJson vietQr(Authentication auth, @PathVariable long id) {
		var bill = visible(auth, id);
		return new VietQrJson(bill.id(), bill.reference(), bill.dueVnd(), payments.vietQrPayload(id),
				"/api/v1/payments/bills/" + id + "/vietqr.png");
	}

	@GetMapping("/api/v1/payments/bills/{id}/vietqr.png")
	ResponseEntity<byte[]> vietQrPng(Authentication auth, @PathVariable long id,
			@RequestParam(name = "size", defaultValue = "320") String size) {
		visible(auth, id);
		return Params.png(payments.vietQrPng(id, Params.size(size)));
	}

	@GetMapping("/api/v1/payments/bills/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(Authentication auth, @PathVariable long id) {
		var bill = visible(auth, id);
		return Params.pdf(payments.receiptPdf(id), bill);
	}

	private Bill visible(Authentication auth, long id) {
		var bill = payments.find(id);
		return switch (auth.getPrincipal()) {
			// Payments.find already limits a citizen to their own bills. Any other id is "forbidden",
			// whether it exists or not, so a citizen learns nothing about other people's bills.
			case CitizenPrincipal c -> bill.orElseThrow(() -> new AccessDeniedException("not this citizen's bill"));
			case OfficialPrincipal o -> bill.filter(b -> o.unitCode().equals(b.unitCode()))
				.orElseThrow(PaymentsController.NotFound::new);
			default -> throw new AccessDeniedException("citizens and officials only");
		};
	}

}
