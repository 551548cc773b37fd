package vn.xaso.farm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A schedule's slot came: its command was sent ({@code commandId}) or the day was skipped (null). Once per slot. */
public record ScheduleRan(String unitCode, long farmId, long scheduleId, Instant slot, @Nullable Long commandId) {
}
