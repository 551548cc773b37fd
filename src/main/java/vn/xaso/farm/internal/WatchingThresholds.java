package vn.xaso.farm.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Device;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;

/**
 * Threshold rules with duration and hysteresis. The farmer sets "temperature above 32 for 5 minutes, cleared below
 * 30" on a device; each reading moves the rule on: crossing starts a run, a run held for the duration raises one
 * alarm (a partial unique index makes it one even for two messages at once) and sends it to the farm's people
 * through notify ({@link AlarmNotices}), in the same transaction (dedupe key per alarm: no repeats); the value back past the clearing
 * level ends the run and clears the alarm; between the two levels nothing changes (no flapping).
 */
@Service
public class WatchingThresholds {

	private final RuleTable rules;
	private final AlarmTable alarms;
	private final DeviceTable devices;
	private final FarmAccess access;
	private final AlarmNotices notices;
	private final FarmWork work;

	WatchingThresholds(RuleTable rules, AlarmTable alarms, DeviceTable devices, FarmAccess access, AlarmNotices notices,
			FarmWork work) {
		this.rules = rules;
		this.alarms = alarms;
		this.devices = devices;
		this.access = access;
		this.notices = notices;
		this.work = work;
	}

	public record Input(@Nullable String deviceId, @Nullable String key, @Nullable String direction, @Nullable String threshold,
			@Nullable String clearAt, @Nullable String minutes) {
	}

	public long addRule(OfficialPrincipal me, long farmId, Input input) {
		long deviceId = FarmText.id(input.deviceId(), "deviceId", "farm.error.noDevice");
		var key = FarmText.required(input.key(), "key", 1, 40, "farm.error.key");
		if (!key.matches("[a-z][a-z0-9_]{0,39}")) {
			throw new FarmException("key", "farm.error.key");
		}
		boolean above = !"BELOW".equals(input.direction());
		double threshold = FarmText.number(input.threshold(), "threshold", "farm.error.number");
		double clearAt = FarmText.number(input.clearAt(), "clearAt", "farm.error.number");
		if (above ? clearAt > threshold : clearAt < threshold) {
			throw new FarmException("clearAt", above ? "farm.error.clearAbove" : "farm.error.clearBelow");
		}
		var minutes = input.minutes() == null || input.minutes().isBlank() ? "0" : input.minutes().strip();
		if (!minutes.matches("[0-9]{1,4}") || Integer.parseInt(minutes) > 1440) {
			throw new FarmException("minutes", "farm.error.minutes");
		}
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var device = devices.find(deviceId).filter(d -> d.farmId() == farm.id() && !d.revoked())
				.orElseThrow(() -> new FarmException("deviceId", "farm.error.noDevice"));
			long id = rules.insert(farm.unitCode(), farm.id(), device.id(), key, above, threshold, clearAt,
					Integer.parseInt(minutes) * 60, me.username());
			work.audit(farm.unitCode(), me.username(), "farm.rule.added", "rule", id,
					device.name() + " " + key + (above ? " > " : " < ") + threshold);
			return id;
		});
	}

	/** Moves the device's rules on with these readings (time order); runs inside the telemetry's transaction. */
	void evaluate(Device device, List<TelemetryMessage.Reading> readings) {
		for (var reading : readings) {
			for (var rule : rules.lockFor(device.id(), reading.key())) {
				step(device, rule, reading);
			}
		}
	}

	private void step(Device device, Rule rule, TelemetryMessage.Reading reading) {
		if (rule.breached(reading.value())) {
			var since = rule.breachSince();
			if (since == null || reading.at().isBefore(since)) {
				since = reading.at();
				rules.breachSince(rule.id(), since);
			}
			if (rule.heldLongEnough(since, reading.at())) {
				alarms.raise(rule, reading.value(), reading.at()).ifPresent(id -> notices.raised(device, rule, id, reading.value()));
			}
			return;
		}
		if (rule.breachSince() != null) {
			rules.breachSince(rule.id(), null);
		}
		if (rule.cleared(reading.value())) {
			alarms.openOf(rule.id()).ifPresent(open -> {
				var alarm = new AlarmCase(open);
				if (alarm.clearByValue(reading.at())) {
					alarms.save(alarm);
					alarm.events().forEach(work::publish);
				}
			});
		}
	}

	/** A value as shown: no ".0" for whole numbers, at most 2 decimals. */
	public static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
	}
}
