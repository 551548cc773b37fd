package vn.xaso.farm.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.xaso.farm.AlarmRaised;
import vn.xaso.farm.Device;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/**
 * The one way a new alarm leaves the farm: the {@link AlarmRaised} event and a text message to the farm's phone
 * through notify (a published {@link Notice} it queues) in the alarm's own transaction with the dedupe key {@code farm-alarm-<id>} (never sent
 * twice). A threshold alarm says the value and the level; an offline alarm how long the device has been silent.
 */
@Component
class AlarmNotices {

	private final FarmTable farms;
	private final FarmWork work;

	AlarmNotices(FarmTable farms, FarmWork work) {
		this.farms = farms;
		this.work = work;
	}

	void raised(Device device, Rule rule, long alarmId, double value) {
		var farm = farms.find(device.unitCode(), device.farmId()).orElseThrow();
		work.publish(new AlarmRaised(device.unitCode(), farm.id(), alarmId, device.id(), rule.key(), value));
		var params = rule.offline()
				? Map.of("farm", farm.name(), "device", device.name(), "minutes", WatchingThresholds.number(value))
				: Map.of("farm", farm.name(), "device", device.name(), "key", rule.key(), "value", WatchingThresholds.number(value),
						"threshold", WatchingThresholds.number(rule.threshold()), "direction", rule.above() ? ">" : "<");
		work.publish(new Notice(farm.unitCode(), Recipient.person(farm.phone(), null, farm.contactName()),
				rule.offline() ? "farm.notice.offline" : "farm.notice.alarm", params, "farm-alarm-" + alarmId, "/farm/" + farm.id()));
	}
}
