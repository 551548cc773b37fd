package vn.xaso.dossiers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A paper in a citizen's personal document store (kho dữ liệu cá nhân): a signed result put there on return, or a
 * paper the citizen attached and chose to keep. Reusable in later dossiers.
 */
public record PersonalPaper(long id, long citizenId, String title, String kind, String contentType, long size,
		@Nullable String dossierCode, Instant addedAt) {
}
