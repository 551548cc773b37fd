package vn.xaso.farm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An alarm of a threshold rule: RAISED → ACKNOWLEDGED → CLEARED (or straight to CLEARED when the value comes back). */
public record Alarm(long id, String unitCode, long farmId, long deviceId, long ruleId, String key, double value, Status status,
		Instant raisedAt, @Nullable String acknowledgedBy, @Nullable Instant acknowledgedAt, @Nullable String clearedBy,
		@Nullable Instant clearedAt) {

	/** Labels: farm.alarm.NAME. */
	public enum Status { RAISED, ACKNOWLEDGED, CLEARED }

	public boolean open() {
		return status != Status.CLEARED;
	}
}
