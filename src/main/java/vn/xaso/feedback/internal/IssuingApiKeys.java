package vn.xaso.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.feedback.Feedback;
import vn.xaso.feedback.FeedbackActor;
import vn.xaso.feedback.FeedbackException;
import vn.xaso.feedback.Open311Keys;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** Administrators issue and revoke Open311 keys; the Open311 endpoints check them. */
@Service
class IssuingApiKeys implements Open311Keys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiKeyTable table;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	IssuingApiKeys(ApiKeyTable table, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.table = table;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<ApiKey> list(FeedbackActor actor) {
		requireAdmin(actor);
		return Tenancy.callAs(UnitScope.of(actor.unitCode()), () -> tx.execute(s -> table.list(actor.unitCode())));
	}

	@Override
	public String create(FeedbackActor actor, String name) {
		requireAdmin(actor);
		var label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw new FeedbackException("name", "feedback.error.keyName");
		}
		var bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		var key = "xs311_" + HexFormat.of().formatHex(bytes);
		Tenancy.runAs(UnitScope.of(actor.unitCode()), () -> tx.executeWithoutResult(s -> {
			long id = table.insert(actor.unitCode(), label, key.substring(0, 10), hash(key), actor.username(), clock.instant());
			events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "feedback.apikey.created").on("feedback_api_key", id)
				.change(null, "name=" + label));
		}));
		return key;
	}

	@Override
	public void revoke(FeedbackActor actor, long id) {
		requireAdmin(actor);
		Tenancy.runAs(UnitScope.of(actor.unitCode()), () -> tx.executeWithoutResult(s -> {
			if (!table.revoke(actor.unitCode(), id, clock.instant())) {
				throw new Feedback.NotFound(id);
			}
			events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "feedback.apikey.revoked").on("feedback_api_key", id));
		}));
	}

	@Override
	public Optional<Long> check(String unitCode, @Nullable String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> table.active(unitCode, hash(key.strip()))));
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
