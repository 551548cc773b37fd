package vn.xaso.dossiers;

import java.time.Instant;

/** The citizen rated the handling after receiving the result. */
public record DossierRated(String unitCode, long dossierId, String code, Instant at, int stars) implements DossierChanged {
}
