package vn.xaso.radio.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.radio.SpeechEngine;

/**
 * Radio settings (all optional, under {@code xaso.radio}): the speech engine ({@code espeak}, the
 * default, or {@code google}), the encoder ({@code mp3}, the default, or {@code opus}) and limits.
 */
@Configuration(proxyBeanMethods = false)
public class RadioConfiguration {

	@Bean
	SpeechEngine radioSpeechEngine(@Value("${xaso.radio.engine:espeak}") String engine,
			@Value("${xaso.radio.espeak.command:espeak-ng}") String command,
			@Value("${xaso.radio.espeak.voice:vi}") String voice,
			@Value("${xaso.radio.espeak.words-per-minute:150}") int wpm,
			@Value("${xaso.radio.cloud.url:https://texttospeech.googleapis.com/v1/text:synthesize}") String cloudUrl,
			@Value("${xaso.radio.cloud.api-key:}") String apiKey,
			@Value("${xaso.radio.cloud.voice:vi-VN-Standard-A}") String cloudVoice,
			@Value("${xaso.radio.timeout-seconds:120}") int timeoutSeconds) {
		var timeout = Duration.ofSeconds(timeoutSeconds);
		if ("google".equals(engine)) {
			return new CloudSpeechEngine(java.net.URI.create(cloudUrl), apiKey, cloudVoice, timeout);
		}
		return new EspeakEngine(command, voice, wpm, timeout);
	}

	@Bean
	AudioEncoder radioAudioEncoder(@Value("${xaso.radio.encoder:mp3}") String format,
			@Value("${xaso.radio.bitrate-kbps:48}") int kbps, @Value("${xaso.radio.timeout-seconds:120}") int timeoutSeconds) {
		return new AudioEncoder("opus".equals(format) ? AudioEncoder.Format.OPUS : AudioEncoder.Format.MP3, kbps,
				Duration.ofSeconds(timeoutSeconds));
	}

	@Bean
	Narration radioNarration(SpeechEngine radioSpeechEngine, AudioEncoder radioAudioEncoder) {
		return new Narration(radioSpeechEngine, radioAudioEncoder);
	}

	@Bean
	VietnameseNormaliser radioNormaliser() {
		return new VietnameseNormaliser();
	}

	/** One synthesis at a time: the machine is small and espeak-ng is fast. */
	@Bean(destroyMethod = "shutdown")
	ExecutorService radioSynthesisExecutor() {
		return Executors.newSingleThreadExecutor(r -> {
			var t = new Thread(r, "radio-synthesis");
			t.setDaemon(true);
			return t;
		});
	}
}
