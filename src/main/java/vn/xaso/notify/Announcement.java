package vn.xaso.notify;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A commune's public message to every subscriber on the chosen channels ("announce once, reach everyone"). */
public record Announcement(String unitCode, Set<Channel> channels, String title, String text, @Nullable String link,
		String dedupeKey) {

	public Announcement {
		channels = Set.copyOf(channels);
	}
}
