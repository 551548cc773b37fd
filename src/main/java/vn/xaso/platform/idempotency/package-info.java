/**
 * Double submits: one servlet filter makes every creating request idempotent. HTML forms are keyed
 * by the per-render CSRF token they already carry plus their content; API calls by the
 * {@code Idempotency-Key} header. The first result (a redirect, or an API response) is stored in
 * {@code platform_idempotency} for 24 hours and replayed to repeats; a concurrent duplicate waits
 * for it. Nothing here knows any feature module.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.idempotency;
