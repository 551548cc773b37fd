/**
 * Identity and access: official accounts bound to a unit with roles, citizen accounts (OIDC or
 * phone + one-time code), sign-in protection (lock-out, rate limits, optional TOTP) and the web
 * security rules.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "units", "platform",
		"platform :: messaging", "platform :: tenancy", "platform :: web" })
package vn.xaso.identity;
