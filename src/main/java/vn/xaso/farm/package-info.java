/**
 * Smart farms (trang trại thông minh): farms of the commune and their devices — sensors, feeders, fans — that
 * talk MQTT 5 to a broker embedded in the instance (HiveMQ CE), each with its own credentials and topics;
 * telemetry with the latest value per key, refused messages counted; threshold rules with duration and
 * hysteresis that raise one alarm (sent to the farm's people through notify) until it clears; commands with
 * acknowledgement and timeout; schedules (a command at set times every day, each slot once); offline rules (no data
 * for N minutes); the farm's dashboard. API: {@link vn.xaso.farm.Farms}. Events:
 * {@link vn.xaso.farm.FarmRegistered}, {@link vn.xaso.farm.DeviceRegistered}, {@link vn.xaso.farm.DeviceRevoked},
 * {@link vn.xaso.farm.AlarmRaised}, {@link vn.xaso.farm.AlarmAcknowledged}, {@link vn.xaso.farm.AlarmCleared},
 * {@link vn.xaso.farm.CommandSent}, {@link vn.xaso.farm.CommandAcknowledged}, {@link vn.xaso.farm.CommandTimedOut},
 * {@link vn.xaso.farm.ScheduleCreated}, {@link vn.xaso.farm.ScheduleDaySkipped}, {@link vn.xaso.farm.ScheduleStopped},
 * {@link vn.xaso.farm.ScheduleRan}, {@link vn.xaso.farm.ReadingsStored}. Daily counters for insights: {@code internal.FarmMetrics}.
 * docs/modules/farm.md.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "audit", "notify", "platform",
		"platform :: web", "platform :: tenancy", "platform :: render", "platform :: metrics" })
package vn.xaso.farm;
