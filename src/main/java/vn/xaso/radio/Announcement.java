package vn.xaso.radio;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A text to read on the loudspeakers of a commune.
 *
 * @param unitCode the commune
 * @param villageIds the villages whose zones play it; empty = every zone of the commune
 * @param urgent plays at once, ahead of the queue, instead of in the next daily slot
 * @param expiresAt after this moment it is never played
 * @param source where it comes from, e.g. {@code portal:notice:12} or {@code radio:admin}
 */
public record Announcement(String unitCode, String title, String text, Set<Long> villageIds, boolean urgent,
		@Nullable Instant expiresAt, String source) {

	public Announcement {
		villageIds = villageIds == null ? Set.of() : Set.copyOf(villageIds);
	}
}
