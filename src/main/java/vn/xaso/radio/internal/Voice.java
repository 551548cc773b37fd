package vn.xaso.radio.internal;

import java.util.concurrent.ExecutorService;

import org.springframework.stereotype.Component;

import vn.xaso.radio.Pronunciations;

/**
 * How a bulletin becomes sound: the commune's and the national readings of words, the speech engine with its
 * encoder, and the one background thread that synthesises (see {@link RadioConfiguration}).
 */
@Component
public class Voice {

	private final Pronunciations pronunciations;
	private final Narration narration;
	private final ExecutorService executor;

	Voice(Pronunciations pronunciations, Narration narration, ExecutorService radioSynthesisExecutor) {
		this.pronunciations = pronunciations;
		this.narration = narration;
		this.executor = radioSynthesisExecutor;
	}

	/** The text as the engine reads it in the commune: its own list, then the national rules. */
	public String spoken(String unit, String text) {
		return pronunciations.spoken(unit, text);
	}

	public Narration.Audio narrate(String spokenText) {
		return narration.narrate(spokenText);
	}

	public String engineName() {
		return narration.engineName();
	}

	/** Runs the work on the synthesis thread. */
	public void later(Runnable work) {
		executor.submit(work);
	}
}
