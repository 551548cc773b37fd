package vn.xaso.farm.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.farm.Alarm;
import vn.xaso.farm.Alarm.Status;
import vn.xaso.farm.AlarmAcknowledged;
import vn.xaso.farm.AlarmCleared;
import vn.xaso.farm.FarmException;

/**
 * The alarm aggregate: the one place that decides an alarm's state change. RAISED → ACKNOWLEDGED (a person of the
 * farm saw it) → CLEARED; RAISED or ACKNOWLEDGED → CLEARED when the value comes back past the rule's clearing level
 * ({@link #clearByValue}). A person may clear an alarm only once it was acknowledged. A repeat changes nothing and
 * says so.
 */
final class AlarmCase {

	private final Alarm alarm;
	private Status status;
	private @Nullable String acknowledgedBy;
	private @Nullable Instant acknowledgedAt;
	private @Nullable String clearedBy;
	private @Nullable Instant clearedAt;
	private final List<Object> events = new ArrayList<>();

	AlarmCase(Alarm alarm) {
		this.alarm = alarm;
		this.status = alarm.status();
		this.acknowledgedBy = alarm.acknowledgedBy();
		this.acknowledgedAt = alarm.acknowledgedAt();
		this.clearedBy = alarm.clearedBy();
		this.clearedAt = alarm.clearedAt();
	}

	void acknowledge(String by, Instant at) {
		if (status == Status.ACKNOWLEDGED) {
			throw new FarmException(null, "farm.error.alreadyAcknowledged");
		}
		if (status == Status.CLEARED) {
			throw new FarmException(null, "farm.error.alarmCleared");
		}
		status = Status.ACKNOWLEDGED;
		acknowledgedBy = by;
		acknowledgedAt = at;
		events.add(new AlarmAcknowledged(alarm.unitCode(), alarm.farmId(), alarm.id(), by));
	}

	/** A person clears an acknowledged alarm (the cause was dealt with). */
	void clear(String by, Instant at) {
		if (status == Status.CLEARED) {
			throw new FarmException(null, "farm.error.alarmCleared");
		}
		if (status != Status.ACKNOWLEDGED) {
			throw new FarmException(null, "farm.error.acknowledgeFirst");
		}
		close(by, at);
	}

	/** The value came back past the clearing level: true when this closed the alarm. */
	boolean clearByValue(Instant at) {
		if (status == Status.CLEARED) {
			return false;
		}
		close(null, at);
		return true;
	}

	private void close(@Nullable String by, Instant at) {
		status = Status.CLEARED;
		clearedBy = by;
		clearedAt = at;
		events.add(new AlarmCleared(alarm.unitCode(), alarm.farmId(), alarm.id()));
	}

	Alarm alarm() {
		return alarm;
	}

	Status status() {
		return status;
	}

	@Nullable String acknowledgedBy() {
		return acknowledgedBy;
	}

	@Nullable Instant acknowledgedAt() {
		return acknowledgedAt;
	}

	@Nullable String clearedBy() {
		return clearedBy;
	}

	@Nullable Instant clearedAt() {
		return clearedAt;
	}

	List<Object> events() {
		return List.copyOf(events);
	}
}
