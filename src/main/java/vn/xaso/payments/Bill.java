package vn.xaso.payments;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A bill of a unit. {@code reference} is the short code the payer's bank passes back in the
 * transfer content (VietQR field 62, sub-field 08); {@code paidVnd} is what was actually applied.
 */
public record Bill(long id, String unitCode, String externalRef, String reference, String purpose, long amountVnd,
		long paidVnd, Status status, @Nullable Method method, @Nullable Instant paidAt, @Nullable String receiptNumber,
		@Nullable Long citizenId) {

	public enum Status {
		UNPAID, PAID, UNDERPAID, OVERPAID, CANCELLED
	}

	public enum Method {
		VIETQR, CASH
	}

	/** Paid in full (exactly, or more and flagged for a refund): the fee is settled and a receipt exists. */
	public boolean settled() {
		return status == Status.PAID || status == Status.OVERPAID;
	}

	/** What is still to pay (0 once settled or cancelled). */
	public long dueVnd() {
		return settled() || status == Status.CANCELLED ? 0 : Math.max(0, amountVnd - paidVnd);
	}
}
