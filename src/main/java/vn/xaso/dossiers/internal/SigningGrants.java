package vn.xaso.dossiers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/**
 * A leader's signing password remembered for a few minutes for one browser session, in this process's memory
 * only (never written anywhere): a batch of signatures needs the password once. Each grant is wiped (the
 * characters overwritten) when its time is up, when it is replaced or ended, and when the application stops.
 */
final class SigningGrants {

	private record Grant(char[] password, Instant until) {
	}

	private final Clock clock;
	private final Duration validity;
	private final ConcurrentHashMap<String, Grant> grants = new ConcurrentHashMap<>();
	private final ScheduledExecutorService wiper = Executors.newSingleThreadScheduledExecutor(r -> {
		var t = new Thread(r, "signing-grant-wiper");
		t.setDaemon(true);
		return t;
	});

	SigningGrants(Clock clock, Duration validity) {
		this.clock = clock;
		this.validity = validity;
	}

	/** Remembers a copy of the password for {@code key}; the caller keeps (and wipes) its own array. */
	Instant grant(String key, char[] password) {
		var until = clock.instant().plus(validity);
		var grant = new Grant(password.clone(), until);
		wipe(grants.put(key, grant));
		wiper.schedule(() -> {
			if (grants.remove(key, grant)) {
				wipe(grant);
			}
		}, validity.toMillis(), TimeUnit.MILLISECONDS);
		return until;
	}

	/** A copy of the remembered password while it is valid (the caller wipes it after use). */
	Optional<char[]> password(String key) {
		var grant = grants.get(key);
		if (grant == null) {
			return Optional.empty();
		}
		if (!clock.instant().isBefore(grant.until())) {
			if (grants.remove(key, grant)) {
				wipe(grant);
			}
			return Optional.empty();
		}
		return Optional.of(grant.password().clone());
	}

	Optional<Instant> until(String key) {
		var grant = grants.get(key);
		return grant == null || !clock.instant().isBefore(grant.until()) ? Optional.empty() : Optional.of(grant.until());
	}

	void end(String key) {
		wipe(grants.remove(key));
	}

	void stop() {
		grants.values().forEach(SigningGrants::wipe);
		grants.clear();
		wiper.shutdownNow();
	}

	private static void wipe(@org.jspecify.annotations.Nullable Grant grant) {
		if (grant != null) {
			Arrays.fill(grant.password(), '\0');
		}
	}
}
