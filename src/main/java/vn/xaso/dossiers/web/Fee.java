package vn.xaso.dossiers.web;

import org.jspecify.annotations.Nullable;

/**
 * One dossier's fee as the page shows it: amount, paid or not, the VietQR payload (null once paid or when the
 * commune has no account), and the bank BIN, account and transfer reference read from that payload.
 */
public record Fee(long amountVnd, boolean paid, boolean paidOnline, @Nullable String payload, @Nullable String bankBin,
		@Nullable String accountNumber, @Nullable String accountName, @Nullable String reference) {
}
