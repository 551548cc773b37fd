/**
 * Identity and access: official accounts bound to a unit with roles, citizen accounts (OIDC or
 * phone + one-time code), sign-in protection (lock-out, rate limits, optional TOTP) and the web
 * security rules.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.identity;
