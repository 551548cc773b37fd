/**
 * Fees and payments of a unit: bills with a VietQR code (NAPAS, EMVCo merchant-presented mode),
 * confirmation by a signed bank notification or cash at the counter, electronic receipts, and the
 * unit's receiving bank account. Nothing here knows what a bill is for: dossiers today, local
 * products tomorrow; they listen for {@link vn.xaso.payments.BillPaid}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "units", "platform",
		"platform :: render", "platform :: tenancy", "platform :: web" })
package vn.xaso.payments;
