package vn.xaso.farm;

/** An alarm was cleared */
public record AlarmCleared( the value came back past the clearing level, or a person cleared it.:String unitCode, long farmId, long alarmId) {
}
