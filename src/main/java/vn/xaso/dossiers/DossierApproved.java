package vn.xaso.dossiers;

import java.time.Instant;

/** The leader approved and signed the result. */
public record DossierApproved(String unitCode, long dossierId, String code, Instant at, String signedBy) implements DossierChanged {
}
