package vn.xaso.farm;

/** A threshold rule held long enough */
public record AlarmRaised( an alarm was raised (once until it clears).:String unitCode, long farmId, long alarmId, long deviceId, String key, double value) {
}
