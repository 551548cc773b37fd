/**
 * Shared kernel: database wiring (embedded PostgreSQL, tenant-aware transactions), the caller's
 * visible units, web layout and i18n, masking of personal numbers. Every module may use it.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.xaso.platform;
