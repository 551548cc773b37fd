package vn.xaso.farm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A device of a farm. It connects to the broker as {@link #login()} (also its client id) with the secret shown once,
 * publishes only to {@link #telemetryTopic()} and {@link #ackTopic()} and subscribes only to {@link #commandTopic()}.
 */
public record Device(long id, String unitCode, long farmId, Kind kind, String name, Instant createdAt,
		@Nullable Instant lastSeenAt, @Nullable Instant revokedAt) {

	/** Labels: farm.kind.NAME. */
	public enum Kind { SENSOR, FEEDER, FAN }

	public boolean revoked() {
		return revokedAt != null;
	}

	public String login() {
		return login(id);
	}

	public static String login(long deviceId) {
		return "d" + deviceId;
	}

	public String base() {
		return "xaso/" + unitCode + "/farm/" + farmId + "/device/" + id;
	}

	public String telemetryTopic() {
		return base() + "/telemetry";
	}

	public String ackTopic() {
		return base() + "/ack";
	}

	public String commandTopic() {
		return base() + "/commands";
	}
}
