package vn.xaso.portal.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.xaso.platform.web.StaticFiles;
import org.springframework.web.context.request.WebRequest;

/**
 * The installable app's manifest and service worker. The worker is served from the site root so its
 * scope is the whole site (it caches only public pages), always revalidated so an update reaches
 * phones at the next visit.
 */
@RestController
class PwaController {

	private final byte[] manifest = StaticFiles.read("portal/manifest.webmanifest");
	private final byte[] worker = StaticFiles.read("portal/sw.js");
	private final String manifestTag = StaticFiles.etag(manifest);
	private final String workerTag = StaticFiles.etag(worker);

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<byte[]> manifest(WebRequest request) {
		if (request.checkNotModified(manifestTag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/manifest+json;charset=UTF-8"))
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
			.body(manifest);
	}

	@GetMapping("/sw.js")
	ResponseEntity<byte[]> serviceWorker(WebRequest request) {
		if (request.checkNotModified(workerTag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.header("Service-Worker-Allowed", "/")
			.body(worker);
	}
}
