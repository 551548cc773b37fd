/**
 * Vietnamese working-day calendar: the lunar calendar at UTC+7, public holidays under Bộ luật Lao động
 * 2019 Điều 112, government-announced day swaps, and working-day arithmetic for deadlines.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "platform", "platform :: cluster",
		"platform :: tenancy", "platform :: web" })
package vn.xaso.calendar;
