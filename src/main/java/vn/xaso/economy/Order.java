package vn.xaso.economy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An order from the commune shop. {@code code} is the buyer's link to it; {@code lotId} the batch it was filled from, once shipped. */
public record Order(long id, String unitCode, String code, long productId, long producerId, String productName,
		String buyerName, String buyerPhone, int quantity, long unitPriceVnd, long amountVnd, Delivery delivery,
		@Nullable String address, @Nullable String trackingNumber, Payment payment, Status status, @Nullable Long billId,
		Instant placedAt, @Nullable Instant paidAt, @Nullable Instant shippedAt, @Nullable Instant doneAt,
		@Nullable Instant cancelledAt, @Nullable String cancelReason, @Nullable Long lotId) {

	/** Labels: economy.delivery.NAME. */
	public enum Delivery { PICKUP, POST, PRODUCER }

	/** Labels: economy.payment.NAME. */
	public enum Payment { VIETQR, CASH }

	/**
	 * PLACED (waiting for the transfer, or for the producer when paid in cash) → PAID (VietQR only) → SHIPPED
	 * (posted, on its way, or ready to pick up) → DONE; PLACED or PAID → CANCELLED. Labels: economy.status.NAME.
	 */
	public enum Status { PLACED, PAID, SHIPPED, DONE, CANCELLED }
}
