package vn.xaso.radio.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.xaso.radio.SpeechEngine;
import vn.xaso.radio.SpeechEngine.SpeechException;

/**
 * Normalised text to the audio file a broadcast serves, with its duration read from that file. With espeak-ng the
 * engine and the encoder run as one pipeline ({@code espeak-ng --stdout | lame - -}): both work at the same time on
 * the two cores and the WAV never touches the disk or the heap (issue 15: speech with encoding ≥ 50× real time). A
 * cloud engine's WAV is encoded through a pipe; its already encoded audio is kept as it is.
 */
public final class Narration {

	/** The file to store: bytes, their content type, the audio's length. */
	public record Audio(byte[] bytes, String contentType, long durationMs) {
	}

	private final SpeechEngine engine;
	private final AudioEncoder encoder;

	public Narration(SpeechEngine engine, AudioEncoder encoder) {
		this.engine = engine;
		this.encoder = encoder;
	}

	/** The engine's short name, stored with each broadcast. */
	public String engineName() {
		return engine.name();
	}

	public Audio narrate(String spokenText) {
		if (engine instanceof EspeakEngine espeak) {
			if (spokenText.isBlank()) {
				throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.empty"));
			}
			var encoded = Pipes.run(List.of(espeak.command(), encoder.command()), spokenText.getBytes(StandardCharsets.UTF_8),
					espeak.timeout().plus(encoder.timeout()), vn.xaso.radio.RadioException.vietnamese("radio.text.speech.pipeline", "espeak-ng", encoder.command().getFirst()));
			return encoded(encoded);
		}
		var speech = engine.synthesise(spokenText);
		if ("audio/wav".equals(speech.contentType())) {
			return encoded(encoder.encode(speech.bytes()));
		}
		var probe = AudioProbe.probe(speech.bytes()).orElseThrow(() -> new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.unreadable")));
		return new Audio(speech.bytes(), probe.contentType(), probe.durationMs());
	}

	private Audio encoded(byte[] bytes) {
		var probe = AudioProbe.probe(bytes)
			.orElseThrow(() -> new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.encoderUnreadable", encoder.command().getFirst())));
		return new Audio(bytes, encoder.format().contentType(), probe.durationMs());
	}
}
