package vn.xaso.identity.internal;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.Role;

/** An official's row as stored. */
public record OfficialRecord(long id, String unitCode, String username, String fullName, @Nullable String title,
		@Nullable String phone, @Nullable String email, String passwordHash, Set<Role> roles,
		@Nullable String villageCode, @Nullable String totpSecret, int failedAttempts, @Nullable Instant lockedUntil,
		boolean active, @Nullable Instant lastSignInAt) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public boolean totpEnabled() {
		return totpSecret != null;
	}
}
