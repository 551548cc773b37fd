/** HTTP API of the calendar module under {@code /api/v1/calendar}. */
@org.jspecify.annotations.NullMarked
package vn.xaso.calendar.web;
