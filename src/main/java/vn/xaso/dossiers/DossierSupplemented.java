package vn.xaso.dossiers;

import java.time.Instant;

/** The citizen sent the requested supplement; the dossier went back to the step it was in. */
public record DossierSupplemented(String unitCode, long dossierId, String code, Instant at, String backTo) implements DossierChanged {
}
