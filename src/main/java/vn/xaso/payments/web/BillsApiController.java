package vn.xaso.payments.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
 * Bills for apps. A citizen sees only bills opened with their citizen id; an official only bills of
 * their own commune. Anything else is 404, the same as a bill that does not exist.
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
					b.receiptNumber(), vn.xaso.payments.internal.VndWords.of(b.amountVnd()));
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
		var bill = payments.find(id).orElseThrow(PaymentsController.NotFound::new);
		return switch (auth.getPrincipal()) {
			case CitizenPrincipal c -> bill; // Payments.find already limits a citizen to their own bills
			case OfficialPrincipal o when o.unitCode().equals(bill.unitCode()) -> bill;
			default -> throw new PaymentsController.NotFound();
		};
	}

}
