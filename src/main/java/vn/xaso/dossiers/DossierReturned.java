package vn.xaso.dossiers;

import java.time.Instant;

/** The result was handed over (online, at the counter or by post). */
public record DossierReturned(String unitCode, long dossierId, String code, Instant at, String method) implements DossierChanged {
}
