package vn.xaso.radio.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.platform.Json;
import vn.xaso.radio.SpeechEngine;

/**
 * Cloud text-to-speech through the Google Cloud Text-to-Speech REST shape
 * ({@code POST /v1/text:synthesize?key=…}, JSON {@code input.text}, {@code voice.languageCode/name},
 * {@code audioConfig.audioEncoding=LINEAR16}; answer {@code {"audioContent": base64 WAV}}). Off by
 * default; tested only against a local fake that follows that published request format.
 */
public final class CloudSpeechEngine implements SpeechEngine {

	private static final JsonMapper JSON = Json.MAPPER;
	/** The service refuses more than 5000 bytes of input per request. */
	static final int MAX_INPUT_BYTES = 5000;

	private final URI url;
	private final String apiKey;
	private final String voice;
	private final Duration timeout;
	private final HttpClient http;

	public CloudSpeechEngine(URI url, String apiKey, String voice, Duration timeout) {
		this.url = url;
		this.apiKey = apiKey;
		this.voice = voice;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	@Override
	public String name() {
		return "google-tts";
	}

	@Override
	public SpeechAudio synthesise(String spokenText) {
		if (spokenText.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cloudTooLong"));
		}
		var body = Map.of("input", Map.of("text", spokenText),
				"voice", Map.of("languageCode", "vi-VN", "name", voice),
				"audioConfig", Map.of("audioEncoding", "LINEAR16", "sampleRateHertz", 22050));
		try {
			var target = apiKey.isBlank() ? url : URI.create(url + (url.getQuery() == null ? "?" : "&") + "key="
					+ java.net.URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
			var request = HttpRequest.newBuilder(target).timeout(timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cloudHttp", String.valueOf(response.statusCode())));
			}
			JsonNode json = JSON.readTree(response.body());
			var content = json.path("audioContent").asString("");
			if (content.isEmpty()) {
				throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cloudNoAudio"));
			}
			var bytes = Base64.getDecoder().decode(content);
			var probe = AudioProbe.probe(bytes)
				.orElseThrow(() -> new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cloudUnreadable")));
			return new SpeechAudio(bytes, probe.contentType());
		}
		catch (java.io.IOException | IllegalArgumentException e) {
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cloudUnreachable", String.valueOf(e.getMessage())), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cloudInterrupted"), e);
		}
	}
}
