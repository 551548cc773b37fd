package vn.xaso.dossiers;

import java.time.Instant;

/** The sealed result was released: ready to hand over. */
public record DossierResultReady(String unitCode, long dossierId, String code, Instant at) implements DossierChanged {
}
