package vn.xaso.portal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Carries a published post to channels outside the portal (push, Zalo, e-mail, SMS through the
 * notification module; the loudspeaker through the radio module). Each adapter is a bean; the
 * portal calls every adapter whose channels the editor ticked, once per post.
 */
public interface PostAnnouncer {

	/** The channel names (see {@link Post#CHANNELS}) this adapter serves. */
	Set<String> channels();

	/**
	 * Sends the post to the requested channels among {@link #channels()}. Must be idempotent for the same
	 * {@code dedupeKey}. Returns what happened, for the editor; a broadcast id when a loudspeaker
	 * broadcast was made.
	 */
	Outcome announce(Post post, Set<String> requested, String link, String dedupeKey);

	record Outcome(String note, @Nullable Long broadcastId) {
	}
}
