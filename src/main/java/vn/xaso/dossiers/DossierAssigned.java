package vn.xaso.dossiers;

import java.time.Instant;

/** The dossier was given to a specialist. */
public record DossierAssigned(String unitCode, long dossierId, String code, Instant at, String assigneeName) implements DossierChanged {
}
