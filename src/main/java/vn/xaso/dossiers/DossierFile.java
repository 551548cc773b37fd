package vn.xaso.dossiers;

import java.time.Instant;

/** An attachment. {@code digitised}: a paper scanned at the counter; {@code result}: the signed result. */
public record DossierFile(long id, String name, String contentType, long size, String paperCode, boolean digitised,
		boolean result, String addedBy, Instant addedAt) {
}
