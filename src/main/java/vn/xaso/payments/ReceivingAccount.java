package vn.xaso.payments;

import java.time.Instant;

/**
 * The bank account a unit's bills are paid into: NAPAS BIN of the bank, account number, and the
 * holder's name upper case without diacritics, as banks show it.
 */
public record ReceivingAccount(String unitCode, String bankBin, String bankShortName, String accountNumber,
		String accountName, String updatedBy, Instant updatedAt) {
}
