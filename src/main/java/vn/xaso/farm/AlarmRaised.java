package vn.xaso.farm;

/** A threshold rule held long enough and an alarm was raised (once until it clears). */
public record AlarmRaised(String unitCode, long farmId, long alarmId, long deviceId, String key, double value) {
}
