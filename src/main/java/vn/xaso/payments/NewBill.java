package vn.xaso.payments;

import org.jspecify.annotations.Nullable;

/**
 * A bill to open. {@code externalRef} is the caller's own key (a dossier code, an order number):
 * opening the same (unitCode, externalRef) twice returns the first bill. {@code purpose} is shown
 * to the payer and printed on the receipt (Vietnamese). {@code citizenId}: the citizen who may see
 * the bill in their app, if any. {@code payee}: the account the money goes to when it is not the
 * unit's receiving account (a producer's own account); null for the unit's.
 */
public record NewBill(String unitCode, String externalRef, String purpose, long amountVnd, String payerName,
		@Nullable Long citizenId, @Nullable Payee payee) {

	public NewBill(String unitCode, String externalRef, String purpose, long amountVnd, String payerName, @Nullable Long citizenId) {
		this(unitCode, externalRef, purpose, amountVnd, payerName, citizenId, null);
	}
}
