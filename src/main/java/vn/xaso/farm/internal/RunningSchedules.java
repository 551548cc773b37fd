package vn.xaso.farm.internal;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Schedule;
import vn.xaso.farm.ScheduleRan;

/**
 * Runs the schedules' slots that came: for each running schedule (its device not revoked), each slot of the last
 * {@code xaso.farm.schedule-grace} (default 30 minutes) is claimed by inserting its (schedule, slot) row — one
 * caller wins, whether two instances run the job at once or one was restarted — then, in the same transaction of the
 * schedule's commune, the command is issued like a person's (published to the device after the commit), or the slot
 * is recorded as skipped when its day is a skipped day. The job ({@link FarmClockJobs}) gives the moment.
 */
@Service
class RunningSchedules {

	private static final Logger log = LoggerFactory.getLogger(RunningSchedules.class);

	private final ScheduleTable schedules;
	private final DeviceTable devices;
	private final SendingCommands commands;
	private final FarmWork work;
	private final Duration grace;

	RunningSchedules(ScheduleTable schedules, DeviceTable devices, SendingCommands commands, FarmWork work,
			@Value("${xaso.farm.schedule-grace:PT30M}") Duration grace) {
		this.schedules = schedules;
		this.devices = devices;
		this.commands = commands;
		this.work = work;
		this.grace = grace;
	}

	/** Runs every slot due at {@code now}; how many slots this caller ran (sent or skipped). */
	int runDue(Instant now) {
		int ran = 0;
		for (var schedule : work.systemWide(schedules::running)) {
			for (var slot : ScheduleTimes.due(schedule.times(), schedule.createdAt(), now, grace)) {
				try {
					if (work.asUnit(schedule.unitCode(), () -> run(schedule, slot, now))) {
						ran++;
					}
				}
				catch (RuntimeException e) {
					log.warn("Farm schedule {} slot {} not run", schedule.id(), slot, e);
				}
			}
		}
		return ran;
	}

	private boolean run(Schedule schedule, Instant slot, Instant now) {
		if (!schedules.claim(schedule.unitCode(), schedule.id(), slot, now)) {
			return false; // run already: by another instance, or before a restart
		}
		var device = devices.find(schedule.deviceId()).filter(d -> !d.revoked());
		if (device.isEmpty() || schedules.skipped(schedule.id(), ScheduleTimes.day(slot))) {
			work.publish(new ScheduleRan(schedule.unitCode(), schedule.farmId(), schedule.id(), slot, null));
			return true;
		}
		long command = commands.issue(device.get(), schedule.action(), "schedule:" + schedule.id(), now, schedule.id());
		schedules.sent(schedule.id(), slot, command);
		work.publish(new ScheduleRan(schedule.unitCode(), schedule.farmId(), schedule.id(), slot, command));
		return true;
	}
}
