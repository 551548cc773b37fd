package vn.xaso.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Token buckets kept in PostgreSQL (Bucket4j), so every replica counts against the same limit. A
 * bucket is named by its {@link Limit} (name, capacity and window: a changed setting starts a new
 * bucket) and a key (an address, a device, a phone number); only a SHA-256 of these is stored. Buckets that have filled up again are deleted every ten minutes.
 */
@Component
@org.springframework.scheduling.annotation.EnableScheduling
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	/** At most {@code capacity} requests per {@code window}, refilled smoothly. */
	public record Limit(String name, long capacity, Duration window) {

		BucketConfiguration configuration() {
			return BucketConfiguration.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
				.build();
		}
	}

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	RateLimits(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/** Takes one request from the bucket; false when the limit is reached. */
	public boolean tryConsume(Limit limit, String key) {
		return buckets.getProxy(id(limit, key), limit::configuration).tryConsume(1);
	}

	/** Whether a request would still be allowed, without taking it. */
	public boolean available(Limit limit, String key) {
		return buckets.getProxy(id(limit, key), limit::configuration).getAvailableTokens() > 0;
	}

	@Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "platform.rate-limit-cleanup", lockAtLeastFor = "PT8M", lockAtMostFor = "PT10M")
	void removeFullBuckets() {
		int removed;
		do {
			removed = buckets.removeExpired(1000);
		}
		while (removed == 1000);
		log.debug("Removed expired rate-limit buckets");
	}

	private static String id(Limit limit, String key) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest((limit.name() + "|" + limit.capacity() + "/" + limit.window() + "|" + key).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
