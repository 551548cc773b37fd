package vn.xaso.payments;

/**
 * The account a bill is paid into when it is not the unit's own: a producer selling on the commune shop
 * is paid into their own account (VietQR field 38 names it). {@code accountName} is bank style (upper case,
 * no diacritics). Build one with {@link Payments#checkPayee}, which validates every field.
 */
public record Payee(String bankBin, String accountNumber, String accountName) {
}
