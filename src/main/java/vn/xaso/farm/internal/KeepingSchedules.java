package vn.xaso.farm.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Command;
import vn.xaso.farm.FarmException;
import vn.xaso.farm.Schedule;
import vn.xaso.farm.ScheduleCreated;
import vn.xaso.farm.ScheduleDaySkipped;
import vn.xaso.farm.ScheduleStopped;
import vn.xaso.identity.OfficialPrincipal;

/**
 * The farmer's schedules: set one ("feed pens 1–20 at 06:00, 11:00, 17:00": a feeder or fan of the farm, the action
 * it takes, the day's times), skip a day (a vaccination day: no feeding), stop it. What the farm's page shows: each
 * schedule with its next slot, the days it will skip and its latest runs. {@link RunningSchedules} runs the slots.
 */
@Service
public class KeepingSchedules {


	private final ScheduleTable schedules;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final FarmWork work;

	KeepingSchedules(ScheduleTable schedules, DeviceTable devices, FarmAccess access, FarmWork work) {
		this.schedules = schedules;
		this.devices = devices;
		this.access = access;
		this.work = work;
	}

	public record Input(@Nullable String deviceId, @Nullable String action, @Nullable String times) {
	}

	/** A schedule as the page shows it. */
	public record Line(Schedule schedule, String times, @Nullable Instant next, List<LocalDate> skipped, List<Run> runs) {
	}

	/** A slot that came: SENT (with its command and the command's state) or SKIPPED. */
	public record Run(long scheduleId, Instant slot, String status, @Nullable Long commandId, @Nullable String commandStatus) {

		public boolean sent() {
			return "SENT".equals(status);
		}
	}

	public long create(OfficialPrincipal me, long farmId, Input input) {
		long deviceId = FarmText.id(input.deviceId(), "deviceId", "farm.error.noDevice");
		var action = FarmText.choice(input.action(), Command.Action.class, "action", "farm.error.action");
		var times = ScheduleTimes.parse(input.times());
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var device = devices.find(deviceId).filter(d -> d.farmId() == farm.id() && !d.revoked())
				.orElseThrow(() -> new FarmException("deviceId", "farm.error.noDevice"));
			if (device.kind() != action.kind()) {
				throw new FarmException("action", "farm.error.actionKind");
			}
			var stored = ScheduleTimes.format(times);
			long id = schedules.insert(farm.unitCode(), farm.id(), device.id(), action, stored, me.username(), work.now());
			work.audit(farm.unitCode(), me.username(), "farm.schedule.created", "schedule", id, device.name() + " " + action + " " + stored);
			work.publish(new ScheduleCreated(farm.unitCode(), farm.id(), id, device.id(), action));
			return id;
		});
	}

	/** Skips a day (typed 31/12/2026 or sent by a date field as 2026-12-31), today or later; a repeat is refused. */
	public LocalDate skip(OfficialPrincipal me, long farmId, long scheduleId, @Nullable String typed) {
		var day = FarmText.day(typed, "day");
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var schedule = schedules.lock(farm.id(), scheduleId).orElseThrow(() -> new FarmException(null, "farm.error.noSchedule"));
			if (schedule.stopped()) {
				throw new FarmException(null, "farm.error.scheduleStopped");
			}
			if (day.isBefore(LocalDate.ofInstant(work.now(), ScheduleTimes.ZONE))) {
				throw new FarmException("day", "farm.error.skipPast");
			}
			if (!schedules.skip(farm.unitCode(), schedule.id(), day, me.username())) {
				throw new FarmException("day", "farm.error.skipTwice");
			}
			work.audit(farm.unitCode(), me.username(), "farm.schedule.skipped", "schedule", schedule.id(), day.toString());
			work.publish(new ScheduleDaySkipped(farm.unitCode(), farm.id(), schedule.id(), day));
			return day;
		});
	}

	public void stop(OfficialPrincipal me, long farmId, long scheduleId) {
		work.inTx(() -> {
			var farm = access.own(me, farmId);
			var schedule = schedules.lock(farm.id(), scheduleId).orElseThrow(() -> new FarmException(null, "farm.error.noSchedule"));
			if (!schedules.stop(schedule.id(), work.now())) {
				throw new FarmException(null, "farm.error.scheduleStopped");
			}
			work.audit(farm.unitCode(), me.username(), "farm.schedule.stopped", "schedule", schedule.id(), ScheduleTimes.format(schedule.times()));
			work.publish(new ScheduleStopped(farm.unitCode(), farm.id(), schedule.id()));
			return null;
		});
	}

	/** The farm's schedules for its page, running ones first. */
	public List<Line> of(OfficialPrincipal me, long farmId) {
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var now = work.now();
			var skips = schedules.skipsFrom(farm.id(), LocalDate.ofInstant(now, ScheduleTimes.ZONE));
			var runs = schedules.runsOf(farm.id(), 60);
			return schedules.ofFarm(farm.id()).stream().map(s -> {
				var days = skips.stream().filter(k -> k.scheduleId() == s.id()).map(ScheduleTable.Skip::day).toList();
				var next = s.stopped() ? null : ScheduleTimes.next(s.times(), new HashSet<>(days), now);
				var recent = runs.stream().filter(r -> r.scheduleId() == s.id()).limit(3).toList();
				return new Line(s, String.join(", ", s.times().stream().map(ScheduleTimes::hhmm).toList()), next, days, recent);
			}).toList();
		});
	}
}
