package vn.xaso.radio.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.xaso.radio.SpeechEngine.SpeechException;

/**
 * Child processes joined by pipes, no shell and no temporary files: the input is written to the first process's
 * standard input (from a virtual thread, so a process that answers while it still reads never blocks on a full
 * pipe), the last one's standard output is read to the end. With several processes the operating system connects
 * them directly ({@link ProcessBuilder#startPipeline}), so they run at the same time (espeak-ng speaks while lame
 * encodes) and the audio between them never passes through Java. All are killed after the timeout.
 */
final class Pipes {

	private Pipes() {
	}

	/**
	 * Runs {@code commands} as one pipeline fed with {@code input}; returns the last one's output.
	 * {@code what}: the name used in messages ("espeak-ng", "lame").
	 */
	static byte[] run(List<List<String>> commands, byte[] input, Duration timeout, String what) {
		var builders = commands.stream().map(c -> new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.DISCARD)).toList();
		List<Process> processes;
		try {
			processes = ProcessBuilder.startPipeline(builders);
		}
		catch (IOException e) {
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.cannotRun", what, String.valueOf(e.getMessage())), e);
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		var writer = Thread.ofVirtual().name("radio-pipe-in").start(() -> {
			try (OutputStream in = processes.getFirst().getOutputStream()) {
				in.write(input);
			}
			catch (IOException e) {
				// the process ended early (it failed): its exit code says why
			}
		});
		try {
			var out = new ByteArrayOutputStream(Math.max(8192, input.length));
			var reader = Thread.ofVirtual().name("radio-pipe-out").start(() -> copy(processes.getLast().getInputStream(), out));
			for (var process : processes) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
					throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.timeout", what, String.valueOf(timeout.toSeconds())));
				}
			}
			reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			writer.join(1000);
			if (reader.isAlive()) {
				throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.timeout", what, String.valueOf(timeout.toSeconds())));
			}
			for (int i = 0; i < processes.size(); i++) {
				int code = processes.get(i).exitValue();
				if (code != 0) {
					throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.exit", commands.get(i).getFirst(), String.valueOf(code)));
				}
			}
			return out.toByteArray();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SpeechException(vn.xaso.radio.RadioException.vietnamese("radio.text.speech.interrupted", what), e);
		}
		finally {
			processes.forEach(Process::destroyForcibly);
		}
	}

	private static void copy(InputStream from, ByteArrayOutputStream to) {
		try (from) {
			var buffer = new byte[65536];
			int n;
			while ((n = from.read(buffer)) >= 0) {
				to.write(buffer, 0, n);
			}
		}
		catch (IOException e) {
			// the process was killed (timeout): the caller reports it
		}
	}
}
