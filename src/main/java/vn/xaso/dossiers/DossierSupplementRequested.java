package vn.xaso.dossiers;

import java.time.Instant;

/** The official asked the citizen for more papers; the clock paused. */
public record DossierSupplementRequested(String unitCode, long dossierId, String code, Instant at) implements DossierChanged {
}
