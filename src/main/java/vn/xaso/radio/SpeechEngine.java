package vn.xaso.radio;

/**
 * Turns already-normalised Vietnamese text into speech. Implementations: espeak-ng (default, local
 * process) and a cloud TTS HTTP adapter (optional).
 */
public interface SpeechEngine {

	/** A short name stored with each broadcast, e.g. {@code espeak-ng} or {@code google-tts}. */
	String name();

	/**
	 * @param spokenText normalised text (numbers, dates, abbreviations already in words)
	 * @return audio as a RIFF/WAVE PCM file (or another format the encoder accepts, see {@link SpeechAudio})
	 * @throws SpeechException the engine failed or timed out
	 */
	SpeechAudio synthesise(String spokenText);

	/** Audio returned by an engine: {@code contentType} is {@code audio/wav} or an encoded type (audio/mpeg, audio/ogg). */
	record SpeechAudio(byte[] bytes, String contentType) {
	}

	class SpeechException extends RuntimeException {
		public SpeechException(String message) {
			super(message);
		}

		public SpeechException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
