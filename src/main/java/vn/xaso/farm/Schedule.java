package vn.xaso.farm;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A schedule: {@code action} sent to one device at each of {@code times} every day (Vietnam time), except on the
 * days skipped, until it is stopped. "Feed pens 1–20 at 06:00, 11:00, 17:00": the feeder of pens 1–20, FEED_NOW,
 * [06:00, 11:00, 17:00].
 */
public record Schedule(long id, String unitCode, long farmId, long deviceId, Command.Action action, List<LocalTime> times,
		String createdBy, Instant createdAt, @Nullable Instant stoppedAt) {

	public Schedule {
		times = List.copyOf(times);
	}

	public boolean stopped() {
		return stoppedAt != null;
	}
}
