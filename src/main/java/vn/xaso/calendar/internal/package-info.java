/** Internals of the calendar module: the ICU lunar engine, holiday rules and adjustment storage. */
@org.jspecify.annotations.NullMarked
package vn.xaso.calendar.internal;
