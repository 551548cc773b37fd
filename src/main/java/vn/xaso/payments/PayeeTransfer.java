package vn.xaso.payments;

/**
 * What a payer needs to pay a bill into a payee's own account (a producer's): the VietQR text, the bank and account,
 * the amount still due and the reference to keep in the transfer content.
 */
public record PayeeTransfer(long billId, String payload, String bankBin, String bankName, String accountNumber,
		String accountName, long dueVnd, String reference, boolean settled) {
}
