package vn.xaso.farm.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A threshold rule with duration and hysteresis: "temperature above 32 for 5 minutes, cleared below 30"
 * ({@code above}) or "water below 10 for 1 minute, cleared above 15". {@code breachSince}: when the value first
 * crossed the threshold in the current run. An {@code offline} rule has no threshold: no data from the device for
 * {@code durationSeconds} raises its alarm (key {@value #OFFLINE_KEY}), data coming back clears it.
 */
public record Rule(long id, String unitCode, long farmId, long deviceId, String key, boolean above, double threshold,
		double clearAt, int durationSeconds, @Nullable Instant breachSince, boolean offline) {

	/** The key of an offline rule and of its alarms. */
	public static final String OFFLINE_KEY = "offline";

	/** Minutes, for the page. */
	public int minutes() {
		return durationSeconds / 60;
	}

	boolean breached(double value) {
		return above ? value > threshold : value < threshold;
	}

	boolean cleared(double value) {
		return above ? value < clearAt : value > clearAt;
	}

	/** Whether a run that started at {@code since} has lasted the rule's duration at {@code at}. */
	boolean heldLongEnough(Instant since, Instant at) {
		return !Duration.between(since, at).minusSeconds(durationSeconds).isNegative();
	}
}
