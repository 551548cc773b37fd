package vn.xaso.farm;

/** Someone of the farm acknowledged an alarm. */
public record AlarmAcknowledged(String unitCode, long farmId, long alarmId, String by) {
}
