package vn.xaso.radio.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.xaso.radio.SpeechEngine;

/**
 * espeak-ng's Vietnamese voice as a child process: no shell, the text goes in a temporary file
 * ({@code -f}), the WAV comes back in another ({@code -w}); killed after a timeout.
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

	@Override
	public SpeechAudio synthesise(String spokenText) {
		if (spokenText.isBlank()) {
			throw new SpeechException("Không có chữ nào để đọc.");
		}
		java.nio.file.Path in = null;
		java.nio.file.Path out = null;
		try {
			in = Files.createTempFile("xaso-radio-", ".txt");
			out = Files.createTempFile("xaso-radio-", ".wav");
			Files.writeString(in, spokenText, StandardCharsets.UTF_8);
			var process = new ProcessBuilder(List.of(command, "-v", voice, "-s", String.valueOf(wordsPerMinute),
					"-b", "1", "-f", in.toString(), "-w", out.toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new SpeechException("espeak-ng không đọc xong trong " + timeout.toSeconds() + " giây.");
			}
			if (process.exitValue() != 0) {
				throw new SpeechException("espeak-ng lỗi (mã " + process.exitValue() + ").");
			}
			var wav = Files.readAllBytes(out);
			if (wav.length <= 44) {
				throw new SpeechException("espeak-ng không tạo ra âm thanh.");
			}
			return new SpeechAudio(wav, "audio/wav");
		}
		catch (IOException e) {
			throw new SpeechException("Không chạy được espeak-ng: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SpeechException("Bị ngắt khi đang đọc.", e);
		}
		finally {
			deleteQuietly(in);
			deleteQuietly(out);
		}
	}

	static void deleteQuietly(java.nio.file.@org.jspecify.annotations.Nullable Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ignored) {
				// a temporary file; the OS cleans up
			}
		}
	}
}
