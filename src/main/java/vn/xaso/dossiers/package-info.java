/**
 * Administrative dossiers (hồ sơ thủ tục hành chính): online, counter and assisted submission, the dossier code
 * {@code <agency>-YYMMDD-NNNN}, workflows declared as data, working-day SLA with pauses, the receipt, apology and
 * signed result PDFs, fees through payments, the citizen's personal document store, queues, the tracking book
 * and the counts the dashboard uses. API: {@link vn.xaso.dossiers.Dossiers} and the past-tense events of the sealed
 * {@link vn.xaso.dossiers.DossierChanged} ({@link vn.xaso.dossiers.DossierSubmitted},
 * {@link vn.xaso.dossiers.DossierReceived}, {@link vn.xaso.dossiers.DossierReturned}, …).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "calendar", "catalog", "identity",
		"notify", "payments", "signing", "units", "platform", "platform :: metrics", "platform :: render",
		"platform :: tenancy", "platform :: web" })
package vn.xaso.dossiers;
