/** VietQR encoding, bill references, amounts in words, receipts, the bank list and the bank-notification ledger. */
@org.jspecify.annotations.NullMarked
package vn.xaso.payments.internal;
