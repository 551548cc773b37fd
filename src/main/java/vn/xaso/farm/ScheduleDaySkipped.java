package vn.xaso.farm;

import java.time.LocalDate;

/** A schedule will not run on this day (Vietnam date). */
public record ScheduleDaySkipped(String unitCode, long farmId, long scheduleId, LocalDate day) {
}
