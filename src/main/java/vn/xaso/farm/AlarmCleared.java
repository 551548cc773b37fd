package vn.xaso.farm;

/** An alarm was cleared, by the value coming back past the clearing level or by a person. */
public record AlarmCleared(String unitCode, long farmId, long alarmId) {
}
