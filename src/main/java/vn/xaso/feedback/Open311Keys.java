package vn.xaso.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * API keys a commune gives Open311 clients (a province app, a partner) to post reports. Only a
 * SHA-256 hash is stored; the key is shown once, when created. Administrators create and revoke them.
 */
public interface Open311Keys {

	record ApiKey(long id, String name, String prefix, String createdBy, Instant createdAt, @Nullable Instant revokedAt) {
	}

	List<ApiKey> list(FeedbackActor actor);

	/** Creates a key and returns it in clear, the only time it is seen. */
	String create(FeedbackActor actor, String name);

	void revoke(FeedbackActor actor, long id);

	/** The id of the commune's active key matching {@code key}, if any. */
	Optional<Long> check(String unitCode, @Nullable String key);
}
