/**
 * First-run setup of a commune instance: on a first start without demo data and without any
 * administrator, a one-time address {@code /setup/{token}} opens a short wizard (commune, first
 * administrator, one-stop agency and bank account, signing identity, officials, procedures,
 * checklist); until it is finished nothing else answers except health and static assets.
 * A province instance onboards its communes: invitations from a spreadsheet ({@code /province/onboarding}),
 * the state of every commune ({@code /province/communes}), setup through the invitation link.
 * Public API: {@link vn.xaso.setup.FirstRunSetup}; event {@link vn.xaso.setup.SetupCompleted}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "units", "payments", "signing",
		"dossiers", "documents", "catalog", "audit", "notify", "platform", "platform :: web", "platform :: tenancy" })
package vn.xaso.setup;
