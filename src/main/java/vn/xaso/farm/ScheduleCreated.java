package vn.xaso.farm;

/** The farmer set a schedule on a device of their farm. */
public record ScheduleCreated(String unitCode, long farmId, long scheduleId, long deviceId, Command.Action action) {
}
