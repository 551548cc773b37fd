package vn.xaso.farm;

import java.time.Instant;
import java.util.List;

/**
 * A device's message stored new readings (repeats left out): what the farm's open pages show live. Published in the
 * telemetry's transaction; listeners that push it anywhere wait for the commit.
 */
public record ReadingsStored(String unitCode, long farmId, long deviceId, List<Reading> readings) {

	public ReadingsStored {
		readings = List.copyOf(readings);
	}

	/** One stored reading: key, the reading's own time, value. */
	public record Reading(String key, Instant at, double value) {
	}
}
