package vn.xaso.farm.internal;

import org.springframework.stereotype.Service;

import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;

/** The farmer acknowledges an alarm (they saw it) and clears it once dealt with; {@link AlarmCase} decides. */
@Service
public class HandlingAlarms {

	private final AlarmTable alarms;
	private final FarmAccess access;
	private final FarmWork work;

	HandlingAlarms(AlarmTable alarms, FarmAccess access, FarmWork work) {
		this.alarms = alarms;
		this.access = access;
		this.work = work;
	}

	public void acknowledge(OfficialPrincipal me, long farmId, long alarmId) {
		change(me, farmId, alarmId, true);
	}

	public void clear(OfficialPrincipal me, long farmId, long alarmId) {
		change(me, farmId, alarmId, false);
	}

	private void change(OfficialPrincipal me, long farmId, long alarmId, boolean acknowledge) {
		work.inTx(() -> {
			var farm = access.own(me, farmId);
			var alarm = new AlarmCase(alarms.lock(farm.id(), alarmId).orElseThrow(() -> new FarmException(null, "farm.error.noAlarm")));
			if (acknowledge) {
				alarm.acknowledge(me.username(), work.now());
			}
			else {
				alarm.clear(me.username(), work.now());
			}
			alarms.save(alarm);
			alarm.events().forEach(work::publish);
			work.audit(farm.unitCode(), me.username(), acknowledge ? "farm.alarm.acknowledged" : "farm.alarm.cleared", "alarm", alarmId,
					alarm.status().name());
			return null;
		});
	}
}
