package vn.xaso.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A stored audit entry, as shown in the audit viewer. */
public record AuditEntry(long id, String unitCode, long seq, Instant at, String actor, String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable String before, @Nullable String after,
		String prevHash, String hash) {
}
