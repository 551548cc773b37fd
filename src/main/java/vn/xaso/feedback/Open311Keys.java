package vn.xaso.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * API keys a commune gives Open311 clients (a province app, a partner) to post reports. Only a
 * SHA-256 hash is stored; the key is shown once, when created. Administrators create and revoke them.
 */
@Service
public class Open311Keys {

	public record ApiKey(long id, String name, String prefix, String createdBy, Instant createdAt, @Nullable Instant revokedAt) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final Clock clock;

	Open311Keys(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ApiKey> list(FeedbackActor actor) {
		requireAdmin(actor);
		return Tenancy.callAs(UnitScope.of(actor.unitCode()), () -> tx.execute(s -> jdbc.sql(
				"select * from feedback_api_key where unit_code = ? order by revoked_at nulls first, id desc")
			.param(actor.unitCode())
			.query((rs, n) -> new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
			.list()));
	}

	/** Creates a key and returns it in clear, the only time it is seen. */
	public String create(FeedbackActor actor, String name) {
		requireAdmin(actor);
		var label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw new FeedbackException("name", "Hãy đặt tên cho khóa (1 đến 100 ký tự), ví dụ tên ứng dụng dùng khóa.");
		}
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		var key = "xs311_" + HexFormat.of().formatHex(bytes);
		Tenancy.runAs(UnitScope.of(actor.unitCode()), () -> tx.executeWithoutResult(s -> {
			long id = jdbc.sql("""
					insert into feedback_api_key (unit_code, name, prefix, key_hash, created_by, created_at)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(actor.unitCode(), label, key.substring(0, 10), hash(key), actor.username(), Timestamp.from(clock.instant()))
				.query(Long.class).single();
			audit.record(AuditEvent.of(actor.unitCode(), actor.username(), "feedback.apikey.created").on("feedback_api_key", id)
				.change(null, "name=" + label));
		}));
		return key;
	}

	public void revoke(FeedbackActor actor, long id) {
		requireAdmin(actor);
		Tenancy.runAs(UnitScope.of(actor.unitCode()), () -> tx.executeWithoutResult(s -> {
			int n = jdbc.sql("update feedback_api_key set revoked_at = ? where unit_code = ? and id = ? and revoked_at is null")
				.params(Timestamp.from(clock.instant()), actor.unitCode(), id).update();
			if (n == 0) {
				throw new Feedback.NotFound(id);
			}
			audit.record(AuditEvent.of(actor.unitCode(), actor.username(), "feedback.apikey.revoked").on("feedback_api_key", id));
		}));
	}

	/** The id of the commune's active key matching {@code key}, if any. */
	public Optional<Long> check(String unitCode, @Nullable String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> jdbc.sql(
				"select id from feedback_api_key where unit_code = ? and key_hash = ? and revoked_at is null")
			.params(unitCode, hash(key.strip())).query(Long.class).optional()));
	}

	private static void requireAdmin(FeedbackActor actor) {
		if (!actor.roles().contains(Role.ADMIN)) {
			throw new AccessDeniedException("administrators only");
		}
	}

	static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
