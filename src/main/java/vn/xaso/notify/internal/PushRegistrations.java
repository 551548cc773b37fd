package vn.xaso.notify.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.context.ApplicationEventPublisher;

import vn.xaso.audit.AuditEvent;
import vn.xaso.audit.AuditLog;
import vn.xaso.notify.NotifyException;
import vn.xaso.platform.Refusal;
import vn.xaso.units.Units;

/** Subscribing and unsubscribing browsers for web push: checks every field, audits each change. */
@Component
public class PushRegistrations {

	private final PushSubscriptions subscriptions;
	private final WebPushChannel channel;
	private final Units units;
	private final ApplicationEventPublisher events;

	PushRegistrations(PushSubscriptions subscriptions, WebPushChannel channel, Units units, ApplicationEventPublisher events) {
		this.subscriptions = subscriptions;
		this.channel = channel;
		this.units = units;
		this.events = events;
	}

	/** Field → message of the notify bundle for bad input ({@link #errors()} Vietnamese, {@link #localErrors()} the reader's); nothing is saved then. */
	public static final class Invalid extends NotifyException {

		Invalid(Map<String, Text> errors) {
			super(errors);
		}
	}

	public record Saved(long id, @Nullable String unitCode, boolean forCitizen) {
	}

	@Transactional
	public Saved subscribe(@Nullable String endpoint, @Nullable String p256dh, @Nullable String auth, @Nullable String unitCode,
			@Nullable Long citizenId) {
		var errors = new LinkedHashMap<String, Refusal.Text>();
		var e = endpoint == null ? "" : endpoint.strip();
		if (e.isEmpty()) {
			errors.put("endpoint", new Refusal.Text("notify.error.endpointMissing"));
		}
		else if (e.length() > 1000) {
			errors.put("endpoint", new Refusal.Text("notify.error.endpointLong", "1.000"));
		}
		else {
			var problem = channel.endpointProblem(e);
			if (problem != null) {
				errors.put("endpoint", problem);
			}
		}
		var key = p256dh == null ? "" : p256dh.strip();
		try {
			if (key.length() > 100) {
				throw new IllegalArgumentException();
			}
			WebPushCrypto.publicKey(WebPushCrypto.fromBase64Url(key));
		}
		catch (IllegalArgumentException x) {
			errors.put("keys.p256dh", new Refusal.Text("notify.error.p256dh"));
		}
		var secret = auth == null ? "" : auth.strip();
		try {
			if (secret.length() > 30 || WebPushCrypto.fromBase64Url(secret).length != 16) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException x) {
			errors.put("keys.auth", new Refusal.Text("notify.error.auth"));
		}
		var unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
		if (unit != null && (unit.length() > 20 || !units.isCommune(unit))) {
			errors.put("unitCode", new Refusal.Text("notify.error.noCommune", unit.length() > 20 ? unit.substring(0, 20) : unit));
		}
		if (unit == null && citizenId == null) {
			errors.put("unitCode", new Refusal.Text("notify.error.chooseCommune"));
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		var canonicalKey = WebPushCrypto.base64Url(WebPushCrypto.fromBase64Url(key));
		var canonicalAuth = WebPushCrypto.base64Url(WebPushCrypto.fromBase64Url(secret));
		long id = subscriptions.save(e, canonicalKey, canonicalAuth, citizenId, unit);
		events.publishEvent(AuditEvent.of(unit != null ? unit : AuditLog.SYSTEM_UNIT, actor(citizenId), "notify.push.subscribed")
			.on("push_subscription", id).change(null, (unit != null ? NotifyException.vietnamese("notify.text.push.commune", unit) : NotifyException.vietnamese("notify.text.push.own"))
					+ (citizenId != null ? NotifyException.vietnamese("notify.text.push.citizen", String.valueOf(citizenId)) : NotifyException.vietnamese("notify.text.push.anonymous"))));
		var saved = subscriptions.find(id).orElseThrow();
		return new Saved(id, saved.unitCode(), saved.citizenId() != null);
	}

	/** Removes the subscription with this endpoint; false when there is none. */
	@Transactional
	public boolean unsubscribe(@Nullable String endpoint, @Nullable Long citizenId) {
		if (endpoint == null || endpoint.isBlank() || endpoint.length() > 1000) {
			throw new Invalid(Map.of("endpoint", new Refusal.Text("notify.error.endpointToRemove")));
		}
		var existing = subscriptions.byEndpoint(endpoint.strip()).orElse(null);
		if (existing == null) {
			return false;
		}
		subscriptions.delete(existing.id());
		events.publishEvent(AuditEvent.of(existing.unitCode() != null ? existing.unitCode() : AuditLog.SYSTEM_UNIT, actor(citizenId),
				"notify.push.unsubscribed").on("push_subscription", existing.id()).change(NotifyException.vietnamese("notify.text.push.subscription"), null));
		return true;
	}

	/** A citizen removes one of their own browsers from the preferences page. */
	@Transactional
	public boolean remove(long citizenId, long subscriptionId) {
		var existing = subscriptions.find(subscriptionId).filter(s -> Long.valueOf(citizenId).equals(s.citizenId())).orElse(null);
		if (existing == null) {
			return false;
		}
		subscriptions.delete(existing.id());
		events.publishEvent(AuditEvent.of(existing.unitCode() != null ? existing.unitCode() : AuditLog.SYSTEM_UNIT, actor(citizenId),
				"notify.push.unsubscribed").on("push_subscription", existing.id()).change(NotifyException.vietnamese("notify.text.push.subscription"), null));
		return true;
	}

	private static String actor(@Nullable Long citizenId) {
		return citizenId == null ? "anonymous" : "citizen:" + citizenId;
	}
}
