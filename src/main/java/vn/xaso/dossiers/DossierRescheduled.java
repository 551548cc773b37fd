package vn.xaso.dossiers;

import java.time.Instant;

/** The appointment date moved, with an apology slip. */
public record DossierRescheduled(String unitCode, long dossierId, String code, Instant at, java.time.LocalDate newDueDate) implements DossierChanged {
}
