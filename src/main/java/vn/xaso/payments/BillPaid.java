package vn.xaso.payments;

import java.time.Instant;

/**
 * Published inside the paying transaction when a bill becomes paid in full: {@code PAID}, or
 * {@code OVERPAID} (paid in full, the surplus flagged for a refund). Published once per bill.
 */
public record BillPaid(long billId, String unitCode, String externalRef, long amountVnd, Bill.Method method,
		Instant paidAt) {
}
