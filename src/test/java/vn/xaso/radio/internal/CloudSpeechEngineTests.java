package vn.xaso.radio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.xaso.radio.SpeechEngine.SpeechException;

/**
 * The cloud adapter against a local fake of Google Cloud Text-to-Speech's published REST contract
 * ({@code POST /v1/text:synthesize?key=…}; body {@code input.text}, {@code voice.languageCode},
 * {@code voice.name}, {@code audioConfig.audioEncoding}; answer {@code {"audioContent": base64}}).
 * Not tested against the real service.
 */
class CloudSpeechEngineTests {

	HttpServer server;
	final AtomicReference<JsonNode> lastBody = new AtomicReference<>();
	final AtomicReference<String> lastQuery = new AtomicReference<>();

	@BeforeEach
	void start() throws Exception {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/text:synthesize", exchange -> {
			var body = JsonMapper.builder().build().readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			lastBody.set(body);
			lastQuery.set(exchange.getRequestURI().getRawQuery());
			byte[] answer;
			int status;
			if (!"POST".equals(exchange.getRequestMethod()) || body.path("input").path("text").asString("").isEmpty()
					|| !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
				status = 400;
				answer = "{\"error\":{\"code\":400}}".getBytes();
			}
			else {
				status = 200;
				var wav = TestAudio.sineWav(1200, 22050);
				answer = ("{\"audioContent\":\"" + Base64.getEncoder().encodeToString(wav) + "\"}").getBytes();
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/text:synthesize");
	}

	@Test
	void sendsThePublishedRequestShapeAndReadsTheAudio() {
		var engine = new CloudSpeechEngine(url(), "test-key", "vi-VN-Standard-A", Duration.ofSeconds(10));
		var audio = engine.synthesise("xin chào bà con");
		assertThat(audio.contentType()).isEqualTo("audio/wav");
		assertThat(AudioProbe.probe(audio.bytes()).orElseThrow().durationMs()).isEqualTo(1200);
		var body = lastBody.get();
		assertThat(body.path("input").path("text").asString()).isEqualTo("xin chào bà con");
		assertThat(body.path("voice").path("languageCode").asString()).isEqualTo("vi-VN");
		assertThat(body.path("voice").path("name").asString()).isEqualTo("vi-VN-Standard-A");
		assertThat(body.path("audioConfig").path("audioEncoding").asString()).isEqualTo("LINEAR16");
		assertThat(lastQuery.get()).isEqualTo("key=test-key");
	}

	@Test
	void refusesTooLongTextBeforeCalling() {
		var engine = new CloudSpeechEngine(url(), "k", "vi-VN-Standard-A", Duration.ofSeconds(10));
		assertThatThrownBy(() -> engine.synthesise("ă".repeat(3000))).isInstanceOf(SpeechException.class)
			.hasMessageContaining("5000");
		assertThat(lastBody.get()).isNull();
	}

	@Test
	void reportsServiceErrors() {
		server.removeContext("/v1/text:synthesize");
		server.createContext("/v1/text:synthesize", exchange -> {
			exchange.sendResponseHeaders(403, -1);
			exchange.close();
		});
		var engine = new CloudSpeechEngine(url(), "bad", "vi-VN-Standard-A", Duration.ofSeconds(10));
		assertThatThrownBy(() -> engine.synthesise("xin chào")).isInstanceOf(SpeechException.class).hasMessageContaining("403");
	}
}
