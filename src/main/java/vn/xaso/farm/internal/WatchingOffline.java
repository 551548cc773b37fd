package vn.xaso.farm.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Device;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;

/**
 * Offline detection: "no data from this sensor for 15 minutes" is a rule of the device. The job ({@link FarmClockJobs})
 * finds the rules whose device has been silent that long and raises one alarm each — the partial unique index keeps
 * it one, and a rule with an open alarm is not looked at again (no storm) — sent to the farm's phone the same way as
 * a threshold alarm ({@link AlarmNotices}); the alarm's value is how many minutes the device had been silent. The
 * device's next accepted data clears it ({@link #backOnline}, in the telemetry's transaction).
 */
@Service
public class WatchingOffline {

	private static final Logger log = LoggerFactory.getLogger(WatchingOffline.class);

	private final RuleTable rules;
	private final AlarmTable alarms;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final AlarmNotices notices;
	private final FarmWork work;

	WatchingOffline(RuleTable rules, AlarmTable alarms, DeviceTable devices, FarmAccess access, AlarmNotices notices, FarmWork work) {
		this.rules = rules;
		this.alarms = alarms;
		this.devices = devices;
		this.access = access;
		this.notices = notices;
		this.work = work;
	}

	public record Input(@Nullable String deviceId, @Nullable String minutes) {
	}

	/** Adds "no data for N minutes" (1 to 1,440) on a device of the farm. */
	public long addRule(OfficialPrincipal me, long farmId, Input input) {
		long deviceId = FarmText.id(input.deviceId(), "deviceId", "farm.error.noDevice");
		var minutes = input.minutes() == null ? "" : input.minutes().strip();
		if (!minutes.matches("[0-9]{1,4}") || Integer.parseInt(minutes) < 1 || Integer.parseInt(minutes) > 1440) {
			throw new FarmException("minutes", "farm.error.offlineMinutes");
		}
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var device = devices.find(deviceId).filter(d -> d.farmId() == farm.id() && !d.revoked())
				.orElseThrow(() -> new FarmException("deviceId", "farm.error.noDevice"));
			long id = rules.insertOffline(farm.unitCode(), farm.id(), device.id(), Integer.parseInt(minutes) * 60, me.username());
			work.audit(farm.unitCode(), me.username(), "farm.rule.added", "rule", id, device.name() + " offline " + minutes + " min");
			return id;
		});
	}

	/** Raises the alarms of the devices silent at {@code now} (all communes); how many were raised. */
	int check(Instant now) {
		int raised = 0;
		for (var silent : work.systemWide(() -> rules.silent(now))) {
			var rule = silent.rule();
			try {
				raised += work.asUnit(rule.unitCode(), () -> raise(rule, silent.since(), now));
			}
			catch (RuntimeException e) {
				log.warn("Farm offline rule {} not checked", rule.id(), e);
			}
		}
		return raised;
	}

	private int raise(Rule rule, Instant since, Instant now) {
		var device = devices.find(rule.deviceId()).filter(d -> !d.revoked());
		if (device.isEmpty()) {
			return 0;
		}
		double minutes = Duration.between(since, now).toMinutes();
		return alarms.raise(rule, minutes, now).map(id -> {
			notices.raised(device.get(), rule, id, minutes);
			return 1;
		}).orElse(0);
	}

	/** Data came from the device: its open offline alarms clear (inside the telemetry's transaction). */
	void backOnline(Device device, Instant at) {
		for (var rule : rules.offlineOf(device.id())) {
			alarms.openOf(rule.id()).ifPresent(open -> {
				var alarm = new AlarmCase(open);
				if (alarm.clearByValue(at)) {
					alarms.save(alarm);
					alarm.events().forEach(work::publish);
				}
			});
		}
	}
}
