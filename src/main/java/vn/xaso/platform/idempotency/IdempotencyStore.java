package vn.xaso.platform.idempotency;

import java.time.Duration;
import java.util.Optional;

import java.sql.Types;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code platform_idempotency} table. Every statement runs on its own (auto-commit, outside the
 * request's transactions), so a concurrent duplicate sees the first request's row at once and the
 * row outlives a rolled-back business transaction only until the filter removes it.
 */
class IdempotencyStore {

	/** What a finished (or still running) first request left behind. */
	record Entry(String fingerprint, boolean done, @Nullable Integer status, @Nullable String location,
			@Nullable String contentType, byte @Nullable [] body) {
	}

	private final JdbcClient jdbc;

	IdempotencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True when this request is the first with the key (it now owns the row, 'in_progress'). */
	boolean claim(String scope, String key, String fingerprint) {
		return jdbc.sql("""
				insert into platform_idempotency (scope, idem_key, fingerprint, status)
				values (:scope, :key, :fingerprint, 'in_progress') on conflict do nothing""")
			.param("scope", scope).param("key", key).param("fingerprint", fingerprint)
			.update() == 1;
	}

	Optional<Entry> find(String scope, String key) {
		return jdbc.sql("""
				select fingerprint, status, response_status, response_location, response_type, response_body
				from platform_idempotency where scope = :scope and idem_key = :key""")
			.param("scope", scope).param("key", key)
			.query((rs, n) -> new Entry(rs.getString(1), "done".equals(rs.getString(2)), (Integer) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getBytes(6)))
			.optional();
	}

	void complete(String scope, String key, int status, @Nullable String location, @Nullable String contentType,
			byte @Nullable [] body) {
		jdbc.sql("""
				update platform_idempotency set status = 'done', response_status = :status, response_location = :location,
				  response_type = :type, response_body = :body
				where scope = :scope and idem_key = :key""")
			.param("scope", scope).param("key", key).param("status", status).param("location", location)
			.param("type", contentType).param("body", new SqlParameterValue(Types.BINARY, body))
			.update();
	}

	/** The first request made nothing worth replaying (bad input, an error): a repeat runs afresh. */
	void release(String scope, String key) {
		jdbc.sql("delete from platform_idempotency where scope = :scope and idem_key = :key")
			.param("scope", scope).param("key", key).update();
	}

	/** A row left 'in_progress' longer than any request runs belongs to a crashed server: free it. */
	boolean releaseIfStale(String scope, String key, Duration olderThan) {
		return jdbc.sql("""
				delete from platform_idempotency where scope = :scope and idem_key = :key and status = 'in_progress'
				  and created_at < now() - make_interval(secs => :seconds)""")
			.param("scope", scope).param("key", key).param("seconds", olderThan.toSeconds())
			.update() == 1;
	}

	int deleteOlderThan(Duration age) {
		return jdbc.sql("delete from platform_idempotency where created_at < now() - make_interval(secs => :seconds)")
			.param("seconds", age.toSeconds()).update();
	}
}
