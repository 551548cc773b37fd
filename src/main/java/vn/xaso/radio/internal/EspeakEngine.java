package vn.xaso.radio.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import vn.xaso.radio.SpeechEngine;

/**
 * espeak-ng's Vietnamese voice as a child process: no shell, no temporary files — the text goes to its standard
 * input, the WAV comes back on its standard output ({@code --stdin --stdout}); killed after a timeout. For a
 * broadcast {@link Narration} pipes its output straight into the encoder instead ({@link #command()}).
 */
public final class EspeakEngine implements SpeechEngine {

	private final String command;
	private final String voice;
	private final int wordsPerMinute;
	private final Duration timeout;

	public EspeakEngine(String command, String voice, int wordsPerMinute, Duration timeout) {
		this.command = command;
		this.voice = voice;
		this.wordsPerMinute = wordsPerMinute;
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "espeak-ng";
	}

	/** The command line: UTF-8 text on standard input, a WAV file (16-bit mono PCM) on standard output. */
	List<String> command() {
		return List.of(command, "-v", voice, "-s", String.valueOf(wordsPerMinute), "-b", "1", "--stdin", "--stdout");
	}

	Duration timeout() {
		return timeout;
	}

	@Override
	public SpeechAudio synthesise(String spokenText) {
		if (spokenText.isBlank()) {
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.empty"));
		}
		var wav = Pipes.run(List.of(command()), spokenText.getBytes(StandardCharsets.UTF_8), timeout, "espeak-ng");
		if (wav.length <= 44) {
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.noAudio", "espeak-ng"));
		}
		return new SpeechAudio(withSizes(wav), "audio/wav");
	}

	/**
	 * espeak-ng writing to a pipe cannot go back to fill in the RIFF and data sizes (it leaves about 2 GB): set them
	 * from the bytes really there, so any reader of the WAV sees its true length.
	 */
	static byte[] withSizes(byte[] wav) {
		if (wav.length < 44 || !new String(wav, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")) {
			return wav;
		}
		var buffer = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		int pos = 12;
		while (pos + 8 <= wav.length) {
			var id = new String(wav, pos, 4, StandardCharsets.ISO_8859_1);
			if (id.equals("data")) {
				buffer.putInt(pos + 4, wav.length - (pos + 8));
				buffer.putInt(4, wav.length - 8);
				return wav;
			}
			long size = Integer.toUnsignedLong(buffer.getInt(pos + 4));
			pos += 8 + (int) Math.min(size + (size & 1), wav.length);
		}
		return wav;
	}
}
