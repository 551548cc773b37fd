package vn.xaso.radio.internal;

import java.time.Duration;
import java.util.List;

/**
 * Encodes WAV to MP3 ({@code lame}) or Ogg Opus ({@code opusenc}) in a child process, no shell and no temporary
 * files: the WAV goes to its standard input, the encoded file comes back on its standard output. {@link Narration}
 * feeds it from espeak-ng through a pipe.
 */
public final class AudioEncoder {

	public enum Format {
		MP3("audio/mpeg"), OPUS("audio/ogg");

		final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		public String contentType() {
			return contentType;
		}
	}

	private final Format format;
	private final int kbps;
	private final Duration timeout;

	public AudioEncoder(Format format, int kbps, Duration timeout) {
		this.format = format;
		this.kbps = kbps;
		this.timeout = timeout;
	}

	public Format format() {
		return format;
	}

	/** The command line: WAV on standard input ({@code -}), the encoded file on standard output ({@code -}). */
	List<String> command() {
		return format == Format.MP3
				? List.of("lame", "--quiet", "-m", "m", "-b", String.valueOf(kbps), "-", "-")
				: List.of("opusenc", "--quiet", "--speech", "--bitrate", String.valueOf(kbps), "-", "-");
	}

	Duration timeout() {
		return timeout;
	}

	public byte[] encode(byte[] wav) {
		var command = command();
		var bytes = Pipes.run(List.of(command), wav, timeout, command.getFirst());
		if (bytes.length == 0) {
			throw new vn.xaso.radio.SpeechEngine.SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.noFile", command.getFirst()));
		}
		return bytes;
	}
}
