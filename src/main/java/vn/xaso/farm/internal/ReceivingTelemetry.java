package vn.xaso.farm.internal;

import java.time.Duration;
import java.util.ArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Device;
import vn.xaso.farm.ReadingsStored;

/**
 * Telemetry from a device's own topic: parsed by {@link TelemetryMessage}; a refused message is counted per device
 * and reason and nothing of it is stored; an accepted one is stored reading by reading with the latest value per
 * key, moves the threshold rules on and clears the device's offline alarms — all in one transaction in the device's commune. A publish the broker
 * refused (another device's or farm's topic) is counted too.
 */
@Service
public class ReceivingTelemetry {

	private static final Logger log = LoggerFactory.getLogger(ReceivingTelemetry.class);

	private final ReadingTable readings;
	private final DeviceTable devices;
	private final WatchingThresholds thresholds;
	private final WatchingOffline offline;
	private final FarmWork work;
	private final FarmMetrics metrics;
	private final Duration kept;

	ReceivingTelemetry(ReadingTable readings, DeviceTable devices, WatchingThresholds thresholds, WatchingOffline offline,
			FarmWork work, FarmMetrics metrics, @Value("${xaso.farm.telemetry.retention-days:90}") int retentionDays) {
		this.readings = readings;
		this.devices = devices;
		this.thresholds = thresholds;
		this.offline = offline;
		this.work = work;
		this.metrics = metrics;
		this.kept = Duration.ofDays(retentionDays);
	}

	/** Whether the message was stored (false: refused and counted). */
	public boolean receive(Device device, byte[] payload) {
		var now = work.now();
		var parsed = TelemetryMessage.parse(payload, now, kept);
		return work.asUnit(device.unitCode(), () -> {
			if (parsed.refused() != null) {
				readings.refused(device.unitCode(), device.id(), parsed.refused(), now);
				log.info("Farm telemetry refused: device {} reason {} ({} bytes)", device.id(), parsed.refused(), payload.length);
				return false;
			}
			var perDay = FarmMetrics.perDay();
			var stored = new ArrayList<ReadingsStored.Reading>();
			for (var r : parsed.readings()) {
				int n = readings.store(device.unitCode(), device.id(), r.key(), r.at(), r.value());
				FarmMetrics.count(perDay, r.at(), n);
				if (n > 0) {
					stored.add(new ReadingsStored.Reading(r.key(), r.at(), r.value()));
				}
			}
			metrics.readingsStored(device.unitCode(), perDay);
			if (!stored.isEmpty()) {
				work.publish(new ReadingsStored(device.unitCode(), device.farmId(), device.id(), stored));
			}
			devices.seen(device.id(), now);
			thresholds.evaluate(device, parsed.readings());
			offline.backOnline(device, now);
			return true;
		});
	}

	/** The broker refused a publish of this device to a topic not its own. */
	public void refusedTopic(Device device, String topic) {
		log.warn("Farm device {} refused on topic {}", device.id(), topic.length() > 200 ? topic.substring(0, 200) : topic);
		refused(device, "TOPIC");
	}

	/** The broker refused a message of this device before it reached here (TOPIC, TOO_BIG): counted. */
	public void refused(Device device, String reason) {
		work.asUnit(device.unitCode(), () -> {
			readings.refused(device.unitCode(), device.id(), reason, work.now());
			return null;
		});
	}
}
