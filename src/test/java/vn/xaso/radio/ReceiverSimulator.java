package vn.xaso.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.radio.internal.AudioProbe;

/**
 * Plays the part of a loudspeaker receiver over real HTTP: pulls its playlist, downloads each due
 * item's audio (checking its SHA-256 and reading its length from the file), plays it on a simulated
 * clock and reports "played" and heartbeats, exactly as the protocol in docs/modules/radio.md says.
 */
public final class ReceiverSimulator {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;
	private final String token;
	private final HttpClient http = HttpClient.newHttpClient();

	public ReceiverSimulator(int port, String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
	}

	public record Item(long broadcastId, String title, String audioUrl, String sha256, Instant playAt, boolean urgent,
			Instant expiresAt, long durationMs) {
	}

	public HttpResponse<String> heartbeat(String status) {
		return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/radio/device/heartbeat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("status", status)))));
	}

	public List<Item> playlist() {
		var response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/radio/device/playlist")).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		var items = new ArrayList<Item>();
		for (JsonNode n : JSON.readTree(response.body()).path("items")) {
			items.add(new Item(n.path("broadcastId").asLong(), n.path("title").asString(), n.path("audioUrl").asString(),
					n.path("sha256").asString(), Instant.parse(n.path("playAt").asString()), n.path("urgent").asBoolean(),
					n.path("expiresAt").isNull() || n.path("expiresAt").isMissingNode() ? null
							: Instant.parse(n.path("expiresAt").asString()),
					n.path("durationMs").asLong()));
		}
		return items;
	}

	/** Downloads the audio and checks it is what the playlist announced. */
	public byte[] download(Item item) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(base + item.audioUrl())).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		var bytes = response.body();
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(item.sha256());
		return bytes;
	}

	public HttpResponse<String> reportPlayed(long broadcastId, Instant at, long durationMs) {
		var body = java.util.Map.of("broadcastId", broadcastId, "playedAt", at.toString(), "durationMs", durationMs);
		return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/radio/device/played"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/**
	 * One round on the simulated clock: every item due at {@code clock} and not expired is downloaded,
	 * "played" for its real length one after the other, and reported. Returns the ids in play order.
	 */
	public List<Long> playDue(Instant clock) throws Exception {
		var played = new ArrayList<Long>();
		var t = clock;
		for (var item : playlist()) {
			if (item.playAt().isAfter(clock) || (item.expiresAt() != null && !item.expiresAt().isAfter(t))) {
				continue;
			}
			var audio = download(item);
			long ms = AudioProbe.probe(audio).orElseThrow().durationMs();
			assertThat(ms).isEqualTo(item.durationMs());
			var response = reportPlayed(item.broadcastId(), t, ms);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			played.add(item.broadcastId());
			t = t.plusMillis(ms);
		}
		return played;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return http.send(builder.header("X-Radio-Device-Token", token).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
