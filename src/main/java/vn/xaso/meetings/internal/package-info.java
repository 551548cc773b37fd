/** The meetings module's use cases, aggregates and SQL adapters; other modules use the root API only. */
package vn.xaso.meetings.internal;
