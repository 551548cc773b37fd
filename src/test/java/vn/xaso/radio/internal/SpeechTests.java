package vn.xaso.radio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.xaso.radio.SpeechEngine.SpeechException;

/**
 * Real espeak-ng with its Vietnamese voice, real lame and opusenc; the encoded files are decoded back
 * with lame --decode and opusdec and measured.
 *
 * <p>Plausible duration: a Vietnamese syllable averages about 4.5 characters with its space (e.g.
 * "mười lăm " is 9 characters for 2 syllables); an announcer reads 3–5 syllables per second and
 * espeak-ng at 150 words per minute reads about 2.5–4, plus pauses at commas and full stops. That
 * gives roughly 0.05–0.1 s per character, so the test accepts 0.04–0.15 s per character of the
 * normalised text: far outside means silence, truncation or letter-by-letter spelling.
 */
class SpeechTests {

	@TempDir
	Path dir;

	final VietnameseNormaliser normaliser = new VietnameseNormaliser();
	final EspeakEngine espeak = new EspeakEngine("espeak-ng", "vi", 150, Duration.ofSeconds(60));

	@Test
	void espeakReadsANormalisedNoticeAtAPlausibleSpeed() throws IOException {
		for (var notice : VietnameseNormaliserTests.notices().subList(0, 3)) {
			var spoken = normaliser.normalise(notice[0]);
			var audio = espeak.synthesise(spoken);
			assertThat(audio.contentType()).isEqualTo("audio/wav");
			var probe = AudioProbe.probe(audio.bytes()).orElseThrow();
			double perChar = probe.durationMs() / 1000.0 / spoken.length();
			assertThat(perChar).as("seconds per character of %d characters", spoken.length()).isBetween(0.04, 0.15);
			assertThat(rms(audio.bytes())).as("not silence").isGreaterThan(500);
		}
	}

	@Test
	void encodesToMp3AndOpusThatDecodeToTheSameLength() throws Exception {
		var wav = espeak.synthesise(normaliser.normalise("Ủy ban nhân dân xã thông báo: ngày 15/10/2026 cắt điện từ 7h30 đến 11h.")).bytes();
		long wavMs = AudioProbe.probe(wav).orElseThrow().durationMs();

		var mp3 = new AudioEncoder(AudioEncoder.Format.MP3, 48, Duration.ofSeconds(60)).encode(wav);
		var mp3Probe = AudioProbe.probe(mp3).orElseThrow();
		assertThat(mp3Probe.contentType()).isEqualTo("audio/mpeg");
		assertThat(mp3Probe.durationMs()).isCloseTo(wavMs, org.assertj.core.data.Offset.offset(150L));
		var mp3File = dir.resolve("a.mp3");
		Files.write(mp3File, mp3);
		var decodedMp3 = dir.resolve("a-mp3.wav");
		run(List.of("lame", "--quiet", "--decode", mp3File.toString(), decodedMp3.toString()));
		assertThat(AudioProbe.probe(Files.readAllBytes(decodedMp3)).orElseThrow().durationMs())
			.isCloseTo(wavMs, org.assertj.core.data.Offset.offset(150L));

		var opus = new AudioEncoder(AudioEncoder.Format.OPUS, 32, Duration.ofSeconds(60)).encode(wav);
		var opusProbe = AudioProbe.probe(opus).orElseThrow();
		assertThat(opusProbe.contentType()).isEqualTo("audio/ogg");
		assertThat(opusProbe.durationMs()).isCloseTo(wavMs, org.assertj.core.data.Offset.offset(100L));
		var opusFile = dir.resolve("a.opus");
		Files.write(opusFile, opus);
		var decodedOpus = dir.resolve("a-opus.wav");
		run(List.of("opusdec", "--quiet", opusFile.toString(), decodedOpus.toString()));
		assertThat(AudioProbe.probe(Files.readAllBytes(decodedOpus)).orElseThrow().durationMs())
			.isCloseTo(wavMs, org.assertj.core.data.Offset.offset(100L));
	}

	/**
	 * Issue 15: a broadcast's audio comes from espeak-ng piped straight into the encoder — no temporary file, the WAV
	 * never in Java — and is the same speech as espeak-ng's own WAV: same length, audible once decoded.
	 */
	@Test
	void narrationPipesEspeakIntoTheEncoderAndKeepsTheWholeSpeech() throws Exception {
		var spoken = normaliser.normalise(VietnameseNormaliserTests.notices().get(1)[0]);
		var wav = espeak.synthesise(spoken).bytes();
		long wavMs = AudioProbe.probe(wav).orElseThrow().durationMs();
		// espeak-ng writing to a pipe leaves 2 GB as the sizes: they are set from the bytes really there
		var header = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		assertThat(Integer.toUnsignedLong(header.getInt(4))).isEqualTo(wav.length - 8L);
		var temporary = Path.of(System.getProperty("java.io.tmpdir"));
		var before = radioTemporaryFiles(temporary);
		for (var format : List.of(AudioEncoder.Format.MP3, AudioEncoder.Format.OPUS)) {
			var narration = new Narration(espeak, new AudioEncoder(format, format == AudioEncoder.Format.MP3 ? 48 : 32, Duration.ofSeconds(60)));
			var audio = narration.narrate(spoken);
			assertThat(audio.contentType()).isEqualTo(format.contentType());
			assertThat(AudioProbe.probe(audio.bytes()).orElseThrow().contentType()).isEqualTo(format.contentType());
			double perChar = audio.durationMs() / 1000.0 / spoken.length();
			assertThat(perChar).as("%s: seconds per character of %d characters", format, spoken.length()).isBetween(0.04, 0.15);
			assertThat(audio.durationMs()).as(format.name()).isCloseTo(wavMs, org.assertj.core.data.Offset.offset(150L));
			var encoded = dir.resolve("n" + format.ordinal());
			var decoded = dir.resolve("n" + format.ordinal() + ".wav");
			Files.write(encoded, audio.bytes());
			run(format == AudioEncoder.Format.MP3 ? List.of("lame", "--quiet", "--decode", encoded.toString(), decoded.toString())
					: List.of("opusdec", "--quiet", encoded.toString(), decoded.toString()));
			var pcm = Files.readAllBytes(decoded);
			assertThat(AudioProbe.probe(pcm).orElseThrow().durationMs()).isCloseTo(wavMs, org.assertj.core.data.Offset.offset(150L));
			assertThat(rms(pcm)).as("%s decodes to speech, not silence", format).isGreaterThan(500);
		}
		assertThat(radioTemporaryFiles(temporary)).as("no temporary files").isEqualTo(before);
	}

	private static long radioTemporaryFiles(Path dir) throws IOException {
		try (var files = Files.list(dir)) {
			return files.filter(f -> f.getFileName().toString().startsWith("xaso-radio-")).count();
		}
	}

	@Test
	void aMissingEngineFailsClearly() {
		var broken = new EspeakEngine("/nonexistent/espeak-ng", "vi", 150, Duration.ofSeconds(5));
		assertThatThrownBy(() -> broken.synthesise("xin chào")).isInstanceOf(SpeechException.class)
			.hasMessageContaining("espeak-ng");
	}

	@Test
	void probeRejectsWhatIsNotAudio() {
		assertThat(AudioProbe.probe("%PDF-1.7 not audio at all, just text".getBytes())).isEmpty();
		assertThat(AudioProbe.probe(new byte[2000])).isEmpty();
		var fakeRiff = new byte[100];
		System.arraycopy("RIFF....WAVE".getBytes(), 0, fakeRiff, 0, 12);
		assertThat(AudioProbe.probe(fakeRiff)).isEmpty();
	}

	@Test
	void probeReadsAGeneratedWav() {
		var wav = TestAudio.sineWav(2500, 16000);
		assertThat(AudioProbe.probe(wav)).hasValueSatisfying(p -> {
			assertThat(p.contentType()).isEqualTo("audio/wav");
			assertThat(p.durationMs()).isEqualTo(2500);
		});
	}

	private static void run(List<String> command) throws Exception {
		var p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
	}

	/** Root mean square of 16-bit mono PCM after the 44-byte header. */
	static double rms(byte[] wav) {
		long sum = 0;
		int n = 0;
		for (int i = 44; i + 1 < wav.length; i += 2) {
			int s = (short) ((wav[i] & 0xff) | (wav[i + 1] << 8));
			sum += (long) s * s;
			n++;
		}
		return n == 0 ? 0 : Math.sqrt((double) sum / n);
	}
}
