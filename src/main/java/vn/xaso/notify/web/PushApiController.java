package vn.xaso.notify.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.notify.internal.PushRegistrations;
import vn.xaso.notify.internal.Vapid;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The web push contract for the PWA (docs/modules/notify.md): the VAPID public key, and
 * subscribing / unsubscribing a browser with the JSON of {@code PushSubscription.toJSON()} plus
 * an optional {@code unitCode} to follow a commune's public announcements.
 */
@RestController
@Tag(name = "notify.api.doc1")
class PushApiController {

	private final Vapid vapid;
	private final PushRegistrations registrations;

	PushApiController(Vapid vapid, PushRegistrations registrations) {
		this.vapid = vapid;
		this.registrations = registrations;
	}

	record Keys(@Nullable String p256dh, @Nullable String auth) {
	}

	record SubscriptionRequest(@Nullable String endpoint, @Nullable Keys keys, @Nullable String unitCode, @Nullable Long expirationTime) {
	}

	record UnsubscribeRequest(@Nullable String endpoint) {
	}

	record Subscribed(long id, @Nullable String unitCode, boolean citizen) {
	}

	@GetMapping(path = "/api/v1/push/vapid-public-key", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "notify.api.doc2")
	Map<String, String> publicKey() {
		return Map.of("publicKey", vapid.publicKey());
	}

	@PostMapping(path = "/api/v1/push/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "notify.api.doc3")
	ResponseEntity<Subscribed> subscribe(@RequestBody SubscriptionRequest request, @Nullable Authentication authentication) {
		var citizenId = citizenId(authentication);
		var keys = request.keys() == null ? new Keys(null, null) : request.keys();
		var saved = Tenancy.callAs(UnitScope.systemWide(),
				() -> registrations.subscribe(request.endpoint(), keys.p256dh(), keys.auth(), request.unitCode(), citizenId));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Subscribed(saved.id(), saved.unitCode(), saved.forCitizen()));
	}

	@DeleteMapping(path = "/api/v1/push/subscriptions")
	@Operation(summary = "notify.api.doc4")
	ResponseEntity<Void> unsubscribe(@RequestBody(required = false) @Nullable UnsubscribeRequest request,
			@RequestParam(required = false) @Nullable String endpoint, @Nullable Authentication authentication) {
		var target = endpoint != null ? endpoint : request == null ? null : request.endpoint();
		var citizenId = citizenId(authentication);
		boolean removed = Tenancy.callAs(UnitScope.systemWide(), () -> registrations.unsubscribe(target, citizenId));
		return removed ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	static @Nullable Long citizenId(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal c ? c.id() : null;
	}
}
