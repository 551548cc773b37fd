package vn.xaso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Growing waits after wrong official passwords, instead of a hard lock that anyone could trigger
 * for anyone. Failures are counted three ways, each in PostgreSQL (shared by replicas):
 * <ul>
 * <li>per username and address: from the 5th failure the next try must wait 1 minute, doubling each
 * further failure up to an hour — guessing from one place gets slow quickly;</li>
 * <li>per username from anywhere: from the 10th failure, 1 minute doubling up to 15 minutes — a
 * guesser with many addresses is slowed, while the official is never shut out for long;</li>
 * <li>per address across usernames (password spraying): from the 30th failure, 1 minute doubling up
 * to an hour.</li>
 * </ul>
 * Unknown usernames are counted exactly like known ones, so the answers reveal nothing. A failure
 * counter starts again after an hour without failures; rows older than a day are deleted.
 */
@Component
public class SignInThrottle {

	enum Scope {

		USER_AT_ADDRESS(5, Duration.ofHours(1)), USER(10, Duration.ofMinutes(15)), ADDRESS(30, Duration.ofHours(1));

		final int threshold;
		final Duration cap;

		Scope(int threshold, Duration cap) {
			this.threshold = threshold;
			this.cap = cap;
		}

		/** The wait after {@code failures} failures in a row; zero below the threshold. */
		Duration waitAfter(int failures) {
			if (failures < threshold) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - threshold, 20);
			var wait = Duration.ofMinutes(1L << doublings);
			return wait.compareTo(cap) > 0 ? cap : wait;
		}
	}

	static final Duration FORGET_AFTER = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	SignInThrottle(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** Until when this username may not be tried from this address, if it must wait. */
	public Optional<Instant> waitUntil(String username, String address, Instant now) {
		var until = tx.execute(s -> jdbc.sql("select max(wait_until) from signin_throttle where key in (?, ?, ?)")
			.params(key(Scope.USER_AT_ADDRESS, username, address), key(Scope.USER, username, address),
					key(Scope.ADDRESS, username, address))
			.query(Timestamp.class)
			.optional()
			.orElse(null));
		return until == null || !until.toInstant().isAfter(now) ? Optional.empty() : Optional.of(until.toInstant());
	}

	/** Counts a failure; returns until when the username itself must now wait (from anywhere), if at all. */
	public Optional<Instant> recordFailure(String username, String address, Instant now) {
		return tx.execute(s -> {
			Instant userWait = null;
			for (var scope : Scope.values()) {
				var key = key(scope, username, address);
				int failures = jdbc.sql("""
						insert into signin_throttle (key, username_key, failures, last_failure_at) values (?, ?, 1, ?)
						on conflict (key) do update set
						  failures = case when signin_throttle.last_failure_at < ? then 1 else signin_throttle.failures + 1 end,
						  last_failure_at = excluded.last_failure_at
						returning failures""")
					.params(key, scope == Scope.ADDRESS ? null : hash("user|" + username), Timestamp.from(now),
							Timestamp.from(now.minus(FORGET_AFTER)))
					.query(Integer.class)
					.single();
				var wait = scope.waitAfter(failures);
				if (!wait.isZero()) {
					jdbc.sql("update signin_throttle set wait_until = ? where key = ?")
						.params(Timestamp.from(now.plus(wait)), key)
						.update();
					if (scope == Scope.USER) {
						userWait = now.plus(wait);
					}
				}
			}
			return Optional.ofNullable(userWait);
		});
	}

	/** A right password: this username's counts start again (the address's spraying count does not). */
	public void recordSuccess(String username) {
		forget(username);
	}

	/** Clears every count of this username (an administrator's "unlock"). */
	public void forget(String username) {
		tx.executeWithoutResult(s -> jdbc.sql("delete from signin_throttle where username_key = ?")
			.param(hash("user|" + normalise(username)))
			.update());
	}

	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "identity.sign-in-throttle-cleanup", lockAtLeastFor = "PT50M", lockAtMostFor = "PT55M")
	void removeOld() {
		tx.executeWithoutResult(s -> jdbc.sql("delete from signin_throttle where last_failure_at < now() - interval '1 day'").update());
	}

	static String normalise(String username) {
		var u = username.strip().toLowerCase(java.util.Locale.ROOT);
		return u.length() > 100 ? u.substring(0, 100) : u;
	}

	private static String key(Scope scope, String username, String address) {
		return hash(switch (scope) {
			case USER_AT_ADDRESS -> "user-at|" + normalise(username) + "|" + address;
			case USER -> "user|" + normalise(username);
			case ADDRESS -> "address|" + address;
		});
	}

	private static String hash(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
