package vn.xaso.radio.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.Json;
import vn.xaso.platform.web.Problems;
import vn.xaso.platform.Refusal;
import vn.xaso.radio.RadioException;
import vn.xaso.radio.SpeakerNetwork;


/**
 * The receiver protocol. Every request carries the device's secret in {@value #TOKEN_HEADER}. A
 * missing or wrong token answers 401; a browser session of a person (not a device) answers 403.
 */
@RestController
@Tag(name = "radio.api.doc1")
class DeviceApiController {

	static final String TOKEN_HEADER = "X-Radio-Device-Token";
	private static final JsonMapper JSON = Json.MAPPER.rebuild()
		.configure(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

	private final SpeakerNetwork network;

	DeviceApiController(SpeakerNetwork network) {
		this.network = network;
	}

	record Playlist(long deviceId, Instant serverTime, List<SpeakerNetwork.PlaylistItem> items) {
	}

	record Heartbeat(@Nullable String status) {
	}

	record Played(@Nullable Long broadcastId, @Nullable String playedAt, @Nullable Long durationMs) {
	}

	@GetMapping(value = "/api/v1/radio/device/playlist", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "radio.api.doc2")
	ResponseEntity<?> playlist(@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
		var device = network.authenticate(token);
		if (device.isEmpty()) {
			return refuse();
		}
		return ResponseEntity.ok().header("Cache-Control", "no-store")
			.body(new Playlist(device.get().id(), Instant.now(), network.playlist(device.get())));
	}

	@PostMapping(value = "/api/v1/radio/device/heartbeat", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "radio.api.doc3")
	ResponseEntity<?> heartbeat(@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@RequestBody(required = false) @Nullable String json) {
		var device = network.authenticate(token);
		if (device.isEmpty()) {
			return refuse();
		}
		Heartbeat body;
		try {
			body = json == null || json.isBlank() ? null : JSON.readValue(json, Heartbeat.class);
		}
		catch (JacksonException e) {
			return bad("body", text("radio.error.heartbeatJson"));
		}
		try {
			network.heartbeat(device.get(), body == null ? null : body.status());
		}
		catch (RadioException e) {
			return bad(e.field(), e.localMessage());
		}
		return ResponseEntity.ok(Map.of("ok", true));
	}

	@PostMapping(value = "/api/v1/radio/device/played", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "radio.api.doc4")
	ResponseEntity<?> played(@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
			@RequestBody(required = false) @Nullable String json) {
		var device = network.authenticate(token);
		if (device.isEmpty()) {
			return refuse();
		}
		Played body;
		try {
			body = json == null || json.isBlank() ? null : JSON.readValue(json, Played.class);
		}
		catch (JacksonException e) {
			return bad("body", text("radio.error.playedJson"));
		}
		if (body == null || body.broadcastId() == null) {
			return bad("broadcastId", text("radio.error.broadcastIdMissing"));
		}
		if (body.durationMs() == null) {
			return bad("durationMs", text("radio.error.durationMissing"));
		}
		Instant at;
		try {
			at = Instant.parse(body.playedAt() == null ? "" : body.playedAt());
		}
		catch (DateTimeParseException e) {
			return bad("playedAt", text("radio.error.playedAtFormat"));
		}
		try {
			network.played(device.get(), body.broadcastId(), at, body.durationMs());
		}
		catch (RadioException e) {
			return bad(e.field(), e.localMessage());
		}
		return ResponseEntity.ok(Map.of("ok", true));
	}

	private static String text(String key, Object... args) {
		return Refusal.localText("i18n/radio", key, args);
	}

	private static ResponseEntity<?> bad(String field, String message) {
		return Problems.fields(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of(field, message));
	}

	/** 401 for a caller with no identity; 403 for a signed-in person, who is known but is not a device. */
	private static ResponseEntity<?> refuse() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		boolean person = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
		if (person) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("errors", Map.of("token", text("radio.error.onlyDevices"))));
		}
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "RadioDeviceToken")
			.body(Map.of("errors", Map.of("token", text("radio.error.deviceToken", TOKEN_HEADER))));
	}

}
