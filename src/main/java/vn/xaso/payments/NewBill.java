package vn.xaso.payments;

import org.jspecify.annotations.Nullable;

/**
 * A bill to open. {@code externalRef} is the caller's own key (a dossier code, an order number):
 * opening the same (unitCode, externalRef) twice returns the first bill. {@code purpose} is shown
 * to the payer and printed on the receipt (Vietnamese). {@code citizenId}: the citizen who may see
 * the bill in their app, if any.
 */
public record NewBill(String unitCode, String externalRef, String purpose, long amountVnd, String payerName,
		@Nullable Long citizenId) {
}
