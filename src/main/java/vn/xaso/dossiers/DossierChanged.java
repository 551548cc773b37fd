package vn.xaso.dossiers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Published after every state change of a dossier (in the same transaction, delivered after commit). */
public record DossierChanged(String unitCode, long dossierId, String code, @Nullable String from, String to, Instant at,
		Channel channel) {
}
