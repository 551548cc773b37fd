/** Official documents of a commune: incoming and outgoing registers, legal numbering, drafting, routing and search. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "calendar", "identity", "signing",
		"units", "platform", "platform :: messaging", "platform :: metrics", "platform :: render", "platform :: tenancy",
		"platform :: web" })
package vn.xaso.documents;
