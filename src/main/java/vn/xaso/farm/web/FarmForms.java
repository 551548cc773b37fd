package vn.xaso.farm.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.farm.internal.ExportingReadings;
import vn.xaso.farm.internal.KeepingFarms;
import vn.xaso.farm.internal.KeepingSchedules;
import vn.xaso.farm.internal.ProvisioningDevices;
import vn.xaso.farm.internal.SendingCommands;
import vn.xaso.farm.internal.WatchingOffline;
import vn.xaso.farm.internal.WatchingThresholds;
import vn.xaso.platform.web.Form;

/** The farm forms, typed; the use cases check the values and refuse with a message per field. */
final class FarmForms {

	private FarmForms() {
	}

	record FarmForm(@Nullable String name, @Nullable String ownerUsername, @Nullable String contactName, @Nullable String phone) {

		KeepingFarms.Input input() {
			return new KeepingFarms.Input(name, ownerUsername, contactName, phone);
		}

		Form form() {
			return of("name", name, "ownerUsername", ownerUsername, "contactName", contactName, "phone", phone);
		}
	}

	record DeviceForm(@Nullable String kind, @Nullable String name) {

		ProvisioningDevices.Input input() {
			return new ProvisioningDevices.Input(kind, name);
		}

		Form form() {
			return of("kind", kind, "deviceName", name);
		}
	}

	record RuleForm(@Nullable String deviceId, @Nullable String key, @Nullable String direction, @Nullable String threshold,
			@Nullable String clearAt, @Nullable String minutes) {

		WatchingThresholds.Input input() {
			return new WatchingThresholds.Input(deviceId, key, direction, threshold, clearAt, minutes);
		}

		Form form() {
			return of("ruleDevice", deviceId, "key", key, "direction", direction, "threshold", threshold, "clearAt", clearAt, "minutes",
					minutes);
		}
	}

	record CommandForm(@Nullable String deviceId, @Nullable String action) {

		SendingCommands.Input input() {
			return new SendingCommands.Input(deviceId, action);
		}

		Form form() {
			return of("commandDevice", deviceId, "action", action);
		}
	}

	record ScheduleForm(@Nullable String deviceId, @Nullable String action, @Nullable String times) {

		KeepingSchedules.Input input() {
			return new KeepingSchedules.Input(deviceId, action, times);
		}

		Form form() {
			return of("scheduleDevice", deviceId, "scheduleAction", action, "times", times);
		}
	}

	record SkipForm(@Nullable String day) {

		Form form() {
			return of("day", day);
		}
	}

	record OfflineForm(@Nullable String deviceId, @Nullable String minutes) {

		WatchingOffline.Input input() {
			return new WatchingOffline.Input(deviceId, minutes);
		}

		Form form() {
			return of("offlineDevice", deviceId, "offlineMinutes", minutes);
		}
	}

	record ExportForm(@Nullable String from, @Nullable String to, @Nullable String level, @Nullable String format) {

		ExportingReadings.Input input() {
			return new ExportingReadings.Input(from, to, level);
		}

		/** An Excel workbook when asked for ({@code format=XLSX}); anything else is the CSV. */
		boolean excel() {
			return "XLSX".equals(format);
		}

		Form form() {
			return of("from", from, "to", to, "level", level, "format", format);
		}
	}

	static Form of(@Nullable String... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				values.put(pairs[i], pairs[i + 1]);
			}
		}
		return Form.of(values);
	}
}
