/**
 * Administrative units — the tenancy tree: the 34 provinces and 3,321 communes in force since
 * 1 July 2025, the legacy 3-tier tree for history, the old-to-new succession, and the villages
 * each commune maintains.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "platform :: tenancy", "platform :: web" })
package vn.xaso.units;
