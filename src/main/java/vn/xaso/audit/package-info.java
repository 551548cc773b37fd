/**
 * The audit log: every change of state, by anyone, with actor, unit, time, action, object and a
 * before/after summary, kept in a per-unit hash chain that a verifier can check.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "platform :: tenancy",
		"platform :: web" })
package vn.xaso.audit;
