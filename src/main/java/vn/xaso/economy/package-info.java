/**
 * Digital economy (kinh tế số): the commune's producers (household businesses, cooperatives, enterprises)
 * verified by the commune, their products (price, stock, season, photos, OCOP rating with its certificate,
 * links to other marketplaces), the public commune shop under {@code /x/{commune}/cho}, and orders paid
 * into the producer's own account by VietQR (through payments) or in cash on delivery.
 * API for other modules: {@link vn.xaso.economy.Products} (a product's summary, for traceability).
 * Events: {@link vn.xaso.economy.ProducerVerified}, {@link vn.xaso.economy.OrderPlaced},
 * {@link vn.xaso.economy.OrderPaid}, {@link vn.xaso.economy.OrderShipped},
 * {@link vn.xaso.economy.OrderDelivered}, {@link vn.xaso.economy.OrderCancelled}, {@link vn.xaso.economy.LotStarted}.
 * Counters for the insights indicators: {@code internal.EconomyMetrics}. docs/modules/economy.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "units", "audit", "payments",
		"notify", "setup", "platform", "platform :: web", "platform :: tenancy", "platform :: render", "platform :: metrics" })
package vn.xaso.economy;
