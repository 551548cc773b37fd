/**
 * Dossier internals: the facade {@link vn.xaso.dossiers.internal.DossierManagement}, one class per use case
 * ({@code DraftingDossier}, {@code SubmittingDossier}, {@code NumberingDossier}, {@code ActingOnDossier} with one
 * {@code OfficialStep} per declared workflow step, {@code FindingDossiers}, {@code IssuingPapers},
 * {@code PayingFees}, {@code KeepingBooks}), the {@code Dossier} aggregate that guards the declared workflow and
 * registers the events, one package-private SQL adapter per table family ({@code DossierTable},
 * {@code DossierListings}, {@code NumberTable}, {@code AttachmentTable}, {@code TimelineTable}, {@code PaperTable},
 * {@code ApologyTable}), the notices listener, and the older helpers (PDFs, SLA, results, quick steps, batch
 * signing, the paper tracking book).
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.dossiers.internal;
