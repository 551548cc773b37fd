package vn.xaso.dossiers;

import java.time.Instant;

/** The dossier moved between specialist and leader without another consequence (proposed for approval, sent back). */
public record DossierForwarded(String unitCode, long dossierId, String code, Instant at, String action, String from, String to) implements DossierChanged {
}
