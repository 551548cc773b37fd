package vn.xaso.radio.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.xaso.radio.SpeechEngine.SpeechException;

/**
 * Encodes a WAV file to MP3 ({@code lame}) or Ogg Opus ({@code opusenc}) in a child process, no shell.
 * The WAV lives only in a temporary file deleted afterwards.
 */
public final class AudioEncoder {

	public enum Format {
		MP3("audio/mpeg", ".mp3"), OPUS("audio/ogg", ".opus");

		final String contentType;
		final String suffix;

		Format(String contentType, String suffix) {
			this.contentType = contentType;
			this.suffix = suffix;
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

	public byte[] encode(byte[] wav) {
		java.nio.file.Path in = null;
		java.nio.file.Path out = null;
		try {
			in = Files.createTempFile("xaso-radio-", ".wav");
			out = Files.createTempFile("xaso-radio-", format.suffix);
			Files.write(in, wav);
			var cmd = new ArrayList<String>();
			if (format == Format.MP3) {
				cmd.addAll(List.of("lame", "--quiet", "-m", "m", "-b", String.valueOf(kbps), in.toString(), out.toString()));
			}
			else {
				cmd.addAll(List.of("opusenc", "--quiet", "--speech", "--bitrate", String.valueOf(kbps), in.toString(), out.toString()));
			}
			var process = new ProcessBuilder(cmd).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new SpeechException(cmd.getFirst() + " không mã hóa xong trong " + timeout.toSeconds() + " giây.");
			}
			if (process.exitValue() != 0) {
				throw new SpeechException(cmd.getFirst() + " lỗi (mã " + process.exitValue() + ").");
			}
			var bytes = Files.readAllBytes(out);
			if (bytes.length == 0) {
				throw new SpeechException(cmd.getFirst() + " không tạo ra tệp.");
			}
			return bytes;
		}
		catch (IOException e) {
			throw new SpeechException("Không chạy được bộ mã hóa âm thanh: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SpeechException("Bị ngắt khi đang mã hóa.", e);
		}
		finally {
			EspeakEngine.deleteQuietly(in);
			EspeakEngine.deleteQuietly(out);
		}
	}
}
