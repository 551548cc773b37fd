import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

import vn.xaso.radio.internal.AudioEncoder;
import vn.xaso.radio.internal.AudioProbe;
import vn.xaso.radio.internal.EspeakEngine;
import vn.xaso.radio.internal.Narration;
import vn.xaso.radio.internal.VietnameseNormaliser;

/**
 * Speech synthesis speed: for each notice of src/test/resources/radio/notices.txt, normalise and then make the
 * broadcast's audio exactly as the application does ({@link Narration}: espeak-ng piped into lame or opusenc, no
 * temporary files), once as MP3 48 kbit/s and once as Ogg Opus 32 kbit/s; espeak-ng alone (WAV through a pipe) as
 * the reference. Prints a Markdown table — audio seconds produced per wall-clock second — and a last line
 * {@code RATIO mp3=… opus=… espeak=…} for bench/speech.sh (goal of issue 15: ≥ 50 with encoding).
 */
public class SpeechBench {

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		var text = Files.readString(Path.of("src/test/resources/radio/notices.txt"), StandardCharsets.UTF_8);
		var notices = new ArrayList<String>();
		for (var block : text.split("(?m)^######\\n")) {
			var lines = block.lines().filter(l -> !l.startsWith("#")).toList();
			int arrow = lines.indexOf("=>");
			if (arrow > 0) {
				notices.add(String.join("\n", lines.subList(0, arrow)));
			}
		}
		var normaliser = new VietnameseNormaliser();
		var timeout = Duration.ofSeconds(120);
		var espeak = new EspeakEngine("espeak-ng", "vi", 150, timeout);
		var mp3 = new Narration(espeak, new AudioEncoder(AudioEncoder.Format.MP3, 48, timeout));
		var opus = new Narration(espeak, new AudioEncoder(AudioEncoder.Format.OPUS, 32, timeout));
		// warm-up (JIT, page cache of espeak-ng's voice data and the encoders)
		var first = normaliser.normalise(notices.getFirst());
		espeak.synthesise(first);
		mp3.narrate(first);
		opus.narrate(first);

		long chars = 0, audioMs = 0, mp3Ms = 0, opusMs = 0, normNs = 0, synthNs = 0, mp3Ns = 0, opusNs = 0, mp3Bytes = 0, opusBytes = 0;
		for (int r = 0; r < rounds; r++) {
			for (var notice : notices) {
				long t0 = System.nanoTime();
				var spoken = normaliser.normalise(notice);
				long t1 = System.nanoTime();
				var wav = espeak.synthesise(spoken).bytes();
				long t2 = System.nanoTime();
				var m = mp3.narrate(spoken);
				long t3 = System.nanoTime();
				var o = opus.narrate(spoken);
				long t4 = System.nanoTime();
				chars += spoken.length();
				audioMs += AudioProbe.probe(wav).orElseThrow().durationMs();
				mp3Ms += m.durationMs();
				opusMs += o.durationMs();
				normNs += t1 - t0;
				synthNs += t2 - t1;
				mp3Ns += t3 - t2;
				opusNs += t4 - t3;
				mp3Bytes += m.bytes().length;
				opusBytes += o.bytes().length;
			}
		}
		double audioS = audioMs / 1000.0;
		double espeakRatio = audioS / (synthNs / 1e9);
		double mp3Ratio = mp3Ms / 1000.0 / ((normNs + mp3Ns) / 1e9);
		double opusRatio = opusMs / 1000.0 / ((normNs + opusNs) / 1e9);
		int n = notices.size() * rounds;
		System.out.printf(Locale.ROOT, "| notices × rounds | %d × %d |%n", notices.size(), rounds);
		System.out.printf(Locale.ROOT, "| normalised characters | %d (%.3f s of audio per character) |%n", chars, audioS / chars);
		System.out.printf(Locale.ROOT, "| audio produced (WAV / MP3 / Opus) | %.1f s / %.1f s / %.1f s |%n", audioS, mp3Ms / 1000.0,
				opusMs / 1000.0);
		System.out.printf(Locale.ROOT, "| normalisation | %.2f ms per notice |%n", normNs / 1e6 / n);
		System.out.printf(Locale.ROOT, "| espeak-ng alone, WAV through a pipe (reference) | **%.1f audio s per wall s** (%.0f ms per notice) |%n",
				espeakRatio, synthNs / 1e6 / n);
		System.out.printf(Locale.ROOT, "| normalise + espeak-ng \\| lame MP3 48 kbit/s (as the app) | **%.1f audio s per wall s** (%.0f ms per notice, %.1f kB per audio minute) |%n",
				mp3Ratio, (normNs + mp3Ns) / 1e6 / n, mp3Bytes / 1024.0 / (mp3Ms / 60000.0));
		System.out.printf(Locale.ROOT, "| normalise + espeak-ng \\| opusenc 32 kbit/s (as the app) | **%.1f audio s per wall s** (%.0f ms per notice, %.1f kB per audio minute) |%n",
				opusRatio, (normNs + opusNs) / 1e6 / n, opusBytes / 1024.0 / (opusMs / 60000.0));
		System.out.printf(Locale.ROOT, "RATIO mp3=%.1f opus=%.1f espeak=%.1f%n", mp3Ratio, opusRatio, espeakRatio);
	}
}
