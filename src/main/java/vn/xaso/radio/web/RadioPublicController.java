package vn.xaso.radio.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xaso.platform.Refusal;
import vn.xaso.platform.web.Paging;
import vn.xaso.radio.Broadcasts;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;
import vn.xaso.platform.web.Problems;

/** Public replays of a commune's loudspeaker broadcasts and their audio (with HTTP Range for seeking). */
@Controller
@Tag(name = "radio.api.doc5")
class RadioPublicController {

	static final int PAGE_SIZE = 20;

	private final Broadcasts broadcasts;
	private final Units units;

	RadioPublicController(Broadcasts broadcasts, Units units) {
		this.broadcasts = broadcasts;
		this.units = units;
	}

	/**
	 * The audio file. Broadcasts are public announcements: anyone may fetch it. Immutable once made, so
	 * it is cached for a day with an ETag; Spring answers Range requests (206) for a Resource body.
	 */
	@GetMapping("/radio/broadcasts/{id}/audio")
	ResponseEntity<Resource> audio(@PathVariable String id) {
		var audio = parseId(id).flatMap(broadcasts::audio)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(audio.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.eTag("\"" + audio.sha256().substring(0, 32) + "\"")
			.lastModified(audio.createdAt())
			.header("Accept-Ranges", "bytes")
			.header("X-Content-Duration", String.valueOf(audio.duration().toMillis() / 1000.0))
			.body(new ByteArrayResource(audio.bytes()));
	}

	@GetMapping("/radio/{communeCode:[0-9]{5}}")
	String replays(@PathVariable String communeCode, @RequestParam(defaultValue = "1") int page, Model model) {
		var commune = commune(communeCode);
		long total = broadcasts.count(communeCode, true);
		int current = Math.max(1, page);
		model.addAttribute("commune", commune);
		model.addAttribute("items", broadcasts.recent(communeCode, true, PAGE_SIZE, (current - 1) * PAGE_SIZE));
		model.addAttribute("paging", Paging.of(current, total, "/radio/" + communeCode, Map.of()));
		return "radio/replays";
	}

	record BroadcastJson(long id, String title, String text, boolean urgent, Instant createdAt, @Nullable Instant expiresAt,
			String audioUrl, String contentType, double durationSeconds) {
	}

	record BroadcastList(String communeCode, String communeName, int page, long total, List<BroadcastJson> items) {
	}

	@GetMapping(value = "/api/v1/radio/{communeCode}/broadcasts", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "radio.api.doc6")
	ResponseEntity<?> list(@PathVariable String communeCode, @RequestParam(defaultValue = "1") String page) {
		if (!communeCode.matches("[0-9]{5}") || !units.isCommune(communeCode)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("errors", Map.of("communeCode", Refusal.localText("i18n/radio", "radio.error.noCommune"))));
		}
		int p;
		try {
			p = Integer.parseInt(page);
		}
		catch (NumberFormatException e) {
			p = 0;
		}
		if (p < 1 || p > 10_000) {
			return Problems.fields(org.springframework.http.HttpStatus.BAD_REQUEST, Map.of("page", Refusal.localText("i18n/radio", "radio.error.page")));
		}
		var commune = commune(communeCode);
		var items = broadcasts.recent(communeCode, true, PAGE_SIZE, (p - 1) * PAGE_SIZE).stream()
			.map(s -> new BroadcastJson(s.id(), s.title(), s.body(), s.urgent(), s.createdAt(), s.expiresAt(), s.audioUrl(),
					String.valueOf(s.contentType()), s.duration() == null ? 0 : s.duration().toMillis() / 1000.0))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(new BroadcastList(communeCode, commune.name(), p, broadcasts.count(communeCode, true), items));
	}

	private Unit commune(String code) {
		return units.find(code).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static java.util.Optional<Long> parseId(String id) {
		if (!id.matches("[0-9]{1,15}")) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(Long.parseLong(id));
	}
}
