import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

import vn.xaso.radio.internal.AudioEncoder;
import vn.xaso.radio.internal.AudioProbe;
import vn.xaso.radio.internal.EspeakEngine;
import vn.xaso.radio.internal.VietnameseNormaliser;

/**
 * Speech synthesis speed: for each notice of src/test/resources/radio/notices.txt, normalise,
 * synthesise with espeak-ng (Vietnamese voice), encode to MP3 (lame) and to Ogg Opus (opusenc), the
 * same classes and commands the application uses. Prints a Markdown table: audio seconds produced
 * per wall-clock second, for synthesis alone and for synthesis + encoding.
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
		var espeak = new EspeakEngine("espeak-ng", "vi", 150, Duration.ofSeconds(120));
		var mp3 = new AudioEncoder(AudioEncoder.Format.MP3, 48, Duration.ofSeconds(120));
		var opus = new AudioEncoder(AudioEncoder.Format.OPUS, 32, Duration.ofSeconds(120));
		// warm-up (JIT, page cache of espeak-ng's voice data)
		mp3.encode(espeak.synthesise(normaliser.normalise(notices.getFirst())).bytes());

		long chars = 0, audioMs = 0, normNs = 0, synthNs = 0, mp3Ns = 0, opusNs = 0, mp3Bytes = 0, opusBytes = 0;
		for (int r = 0; r < rounds; r++) {
			for (var notice : notices) {
				long t0 = System.nanoTime();
				var spoken = normaliser.normalise(notice);
				long t1 = System.nanoTime();
				var wav = espeak.synthesise(spoken).bytes();
				long t2 = System.nanoTime();
				var m = mp3.encode(wav);
				long t3 = System.nanoTime();
				var o = opus.encode(wav);
				long t4 = System.nanoTime();
				chars += spoken.length();
				audioMs += AudioProbe.probe(wav).orElseThrow().durationMs();
				normNs += t1 - t0;
				synthNs += t2 - t1;
				mp3Ns += t3 - t2;
				opusNs += t4 - t3;
				mp3Bytes += m.length;
				opusBytes += o.length;
			}
		}
		double audioS = audioMs / 1000.0;
		System.out.printf(Locale.ROOT, "| notices × rounds | %d × %d |%n", notices.size(), rounds);
		System.out.printf(Locale.ROOT, "| normalised characters | %d (%.3f s of audio per character) |%n", chars, audioS / chars);
		System.out.printf(Locale.ROOT, "| audio produced | %.1f s |%n", audioS);
		System.out.printf(Locale.ROOT, "| normalisation | %.2f ms per notice |%n", normNs / 1e6 / (notices.size() * rounds));
		System.out.printf(Locale.ROOT, "| espeak-ng alone | **%.1f audio s per wall s** (%.2f s wall) |%n", audioS / (synthNs / 1e9), synthNs / 1e9);
		System.out.printf(Locale.ROOT, "| espeak-ng + lame MP3 48 kbit/s | **%.1f audio s per wall s** (%.1f kB per audio minute) |%n",
				audioS / ((synthNs + mp3Ns) / 1e9), mp3Bytes / 1024.0 / (audioS / 60));
		System.out.printf(Locale.ROOT, "| espeak-ng + opusenc 32 kbit/s | **%.1f audio s per wall s** (%.1f kB per audio minute) |%n",
				audioS / ((synthNs + opusNs) / 1e9), opusBytes / 1024.0 / (audioS / 60));
	}
}
