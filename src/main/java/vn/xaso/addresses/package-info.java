/**
 * Digital address records (issue 16): for each household or organisation — the "holder", owned by
 * another module (community) and named here only by kind and id — the commune's 5-digit postcode,
 * WGS84 coordinates inside Vietnam, the Open Location Code (plus code, full and short relative to the
 * commune's reference point), the national 10-digit digital address code when known and the address
 * text, as separate fields. Officials place and move pins (map with proxied tiles, or typed
 * coordinates / plus code without JavaScript) and print A6 door plates whose QR opens a public page
 * with only the commune, village and plus code; anyone looks a plus code up for delivery.
 * Other modules use {@link vn.xaso.addresses.Addresses} and listen for
 * {@link vn.xaso.addresses.AddressCodeAssigned}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "units", "identity", "platform",
		"platform :: web", "platform :: tenancy", "platform :: render" })
package vn.xaso.addresses;
