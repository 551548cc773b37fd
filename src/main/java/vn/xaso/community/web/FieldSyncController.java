package vn.xaso.community.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import vn.xaso.platform.web.StaticFiles;
import vn.xaso.community.CommunityException;
import vn.xaso.community.internal.Actors;
import vn.xaso.community.internal.SyncingFieldEntries;
import vn.xaso.identity.OfficialPrincipal;

/**
 * The offline field app's two server ends: its service worker (served from the jar, revalidated at each visit
 * like the citizen app's, scope {@code /community}) and the sync of the entries a phone kept while it had no
 * signal. Answers are JSON with Vietnamese (or English) messages.
 */
@RestController
class FieldSyncController {

	/** One entry's answer: {@code status} saved | already_saved | kept_for_review | refused. */
	record Result(@Nullable UUID clientId, String status, @Nullable String message) {
	}

	record Answer(List<Result> results) {
	}

	private final byte[] worker = StaticFiles.read("community/sw.js");
	private final String workerTag = StaticFiles.etag(worker);
	private final Actors actors;
	private final SyncingFieldEntries syncing;
	private final Texts texts;

	FieldSyncController(Actors actors, SyncingFieldEntries syncing, Texts texts) {
		this.actors = actors;
		this.syncing = syncing;
		this.texts = texts;
	}

	@GetMapping("/community/sw.js")
	ResponseEntity<byte[]> serviceWorker(WebRequest request) {
		if (request.checkNotModified(workerTag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.header("Service-Worker-Allowed", "/community")
			.body(worker);
	}

	@PostMapping("/community/sync")
	ResponseEntity<?> sync(@AuthenticationPrincipal OfficialPrincipal me, @RequestBody SyncRequest body) {
		var actor = actors.of(me);
		if (body.device() == null || body.entries() == null) {
			return message(HttpStatus.BAD_REQUEST, "community.sync.error.body");
		}
		var results = new ArrayList<Result>();
		var typed = new ArrayList<SyncingFieldEntries.Entry>();
		var positions = new ArrayList<Integer>();
		for (var item : body.entries()) {
			try {
				if (item == null) {
					throw new CommunityException(null, "community.sync.error.body");
				}
				typed.add(item.toEntry());
				positions.add(results.size());
				results.add(null);
			}
			catch (CommunityException refused) {
				results.add(new Result(item == null ? null : item.clientId(), "refused", texts.t(refused.key(), refused.args())));
			}
		}
		List<SyncingFieldEntries.Result> done;
		try {
			done = syncing.sync(actor, body.device(), typed);
		}
		catch (CommunityException refused) {
			var status = refused.key().equals("community.sync.error.tooMany") ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN;
			var answer = new java.util.LinkedHashMap<String, String>();
			answer.put("message", texts.t(refused.key(), refused.args()));
			if (refused.key().equals("community.sync.error.notAssigned")) {
				answer.put("household", refused.field());
			}
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(answer);
		}
		for (int i = 0; i < done.size(); i++) {
			var r = done.get(i);
			results.set(positions.get(i), new Result(r.clientId(), r.outcome().name().toLowerCase(java.util.Locale.ROOT),
					r.refusal() == null ? null : texts.t(r.refusal().key(), r.refusal().args())));
		}
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(new Answer(results));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<Map<String, String>> unreadable(Exception e) {
		return message(e instanceof HttpMediaTypeNotSupportedException ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST,
				"community.sync.error.body");
	}

	private ResponseEntity<Map<String, String>> message(HttpStatus status, String key) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", texts.t(key)));
	}
}
