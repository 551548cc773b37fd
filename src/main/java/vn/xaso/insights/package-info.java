/**
 * Insights and the operations centre: declarative indicators computed from modules' daily
 * counters (numerators and denominators kept per unit and day, so roll-ups are exact), entered
 * values with evidence, province targets and commune registrations, dashboards, the public
 * transparency board and open data.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "units",
		"platform", "platform :: metrics", "platform :: render", "platform :: tenancy", "platform :: web" })
package vn.xaso.insights;
