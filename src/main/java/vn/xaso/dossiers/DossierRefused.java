package vn.xaso.dossiers;

import java.time.Instant;

/** The dossier was refused, with the reason on its timeline. */
public record DossierRefused(String unitCode, long dossierId, String code, Instant at) implements DossierChanged {
}
