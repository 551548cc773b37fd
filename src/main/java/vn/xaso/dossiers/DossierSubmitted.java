package vn.xaso.dossiers;

import java.time.Instant;

/** A dossier was numbered and submitted (online, assisted or at the counter). */
public record DossierSubmitted(String unitCode, long dossierId, String code, Instant at, Channel channel) implements DossierChanged {
}
