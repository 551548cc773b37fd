/**
 * Fees and payments of a unit: bills with a VietQR code (NAPAS, EMVCo merchant-presented mode),
 * confirmation by a signed bank notification or cash at the counter, electronic receipts, and the
 * unit's receiving bank account. Nothing here knows what a bill is for: dossiers today, local
 * products tomorrow; they listen for {@link vn.xaso.payments.BillPaid}.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.payments;
