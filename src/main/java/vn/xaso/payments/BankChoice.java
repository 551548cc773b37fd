package vn.xaso.payments;

/** A bank that accepts VietQR transfers, as offered in a list: its NAPAS BIN and a readable label. */
public record BankChoice(String bin, String label) {
}
