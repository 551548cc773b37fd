package vn.xaso.farm;

/** A schedule was stopped: none of its slots runs any more. */
public record ScheduleStopped(String unitCode, long farmId, long scheduleId) {
}
