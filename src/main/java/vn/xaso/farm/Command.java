package vn.xaso.farm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A command to a device: PENDING until the device answers (DONE / FAILED) or its time runs out (TIMED_OUT). */
public record Command(long id, String unitCode, long farmId, long deviceId, Action action, Status status, String requestedBy,
		Instant requestedAt, Instant timeoutAt, @Nullable Instant answeredAt, @Nullable String note) {

	/** Labels: farm.action.NAME; which device kinds take it. */
	public enum Action {
		FAN_ON(Device.Kind.FAN), FAN_OFF(Device.Kind.FAN), FEED_NOW(Device.Kind.FEEDER);

		private final Device.Kind kind;

		Action(Device.Kind kind) {
			this.kind = kind;
		}

		public Device.Kind kind() {
			return kind;
		}
	}

	/** Labels: farm.command.NAME. */
	public enum Status { PENDING, DONE, FAILED, TIMED_OUT }
}
