package vn.xaso.dossiers;

import java.time.Instant;

/** The dossier's fee was paid. */
public record DossierPaid(String unitCode, long dossierId, String code, Instant at, long amountVnd, boolean online) implements DossierChanged {
}
