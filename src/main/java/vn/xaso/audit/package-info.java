/**
 * The audit log: every change of state, by anyone, with actor, unit, time, action, object and a
 * before/after summary, kept in a per-unit hash chain that a verifier can check.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.audit;
