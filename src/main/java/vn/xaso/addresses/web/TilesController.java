package vn.xaso.addresses.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Map tiles through our own origin, so pages load nothing from elsewhere (CSP stays {@code 'self'}) and
 * the tile server sees one client, not every official's browser. Off (404) while
 * {@code xaso.addresses.tile-url} is empty. The last 512 tiles are kept in memory.
 */
@Controller
class TilesController {

	private static final Logger log = LoggerFactory.getLogger(TilesController.class);
	private static final int CACHE = 512;

	private final MapConfig config;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NORMAL).build();
	private final Map<String, byte[]> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > CACHE;
		}
	};

	TilesController(MapConfig config) {
		this.config = config;
	}

	@GetMapping("/addresses/tiles/{z}/{x}/{y}.png")
	ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
		var upstream = config.upstream();
		if (upstream.isEmpty() || z < 0 || z > 19 || x < 0 || y < 0 || x >= (1 << z) || y >= (1 << z)) {
			return ResponseEntity.notFound().build();
		}
		var url = upstream.replace("{z}", String.valueOf(z)).replace("{x}", String.valueOf(x)).replace("{y}", String.valueOf(y));
		byte[] body;
		synchronized (cache) {
			body = cache.get(url);
		}
		if (body == null) {
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
					.header("User-Agent", "XaSo tile proxy (commune address map)").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200 || response.body().length > 1_000_000) {
					return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
				}
				body = response.body();
				synchronized (cache) {
					cache.put(url, body);
				}
			}
			catch (java.io.IOException | IllegalArgumentException e) {
				log.warn("Tile server unreachable: {}", e.toString());
				return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return ResponseEntity.status(HttpStatus.BAD_GATEWAY).build();
			}
		}
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.body(body);
	}
}
