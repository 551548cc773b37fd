package vn.xaso.farm.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import vn.xaso.farm.Alarm;
import vn.xaso.farm.Command;
import vn.xaso.farm.Device;
import vn.xaso.farm.Farm;
import vn.xaso.identity.OfficialPrincipal;

/** What the farm's page shows its owner: devices, the latest value per key, alarms, commands, rules, refusals. */
@Service
public class FarmDashboard {

	private final DeviceTable devices;
	private final ReadingTable readings;
	private final AlarmTable alarms;
	private final CommandTable commands;
	private final RuleTable rules;
	private final FarmAccess access;
	private final FarmWork work;

	FarmDashboard(DeviceTable devices, ReadingTable readings, AlarmTable alarms, CommandTable commands, RuleTable rules,
			FarmAccess access, FarmWork work) {
		this.devices = devices;
		this.readings = readings;
		this.alarms = alarms;
		this.commands = commands;
		this.rules = rules;
		this.access = access;
		this.work = work;
	}

	public record View(Farm farm, List<Device> devices, List<LatestValue> latest, List<Alarm> alarms, List<Command> commands,
			List<Rule> rules, Map<Long, Map<String, Long>> refusals) {

		public String deviceName(long id) {
			return devices.stream().filter(d -> d.id() == id).map(Device::name).findFirst().orElse("#" + id);
		}

		public List<Device> active() {
			return devices.stream().filter(d -> !d.revoked()).toList();
		}

		/** Whether the alarm is an offline rule's (no data), not a threshold's. */
		public boolean offline(Alarm alarm) {
			return rules.stream().anyMatch(r -> r.id() == alarm.ruleId() && r.offline());
		}
	}

	public View of(OfficialPrincipal me, long farmId) {
		return work.inTx(() -> {
			var farm = access.own(me, farmId);
			var list = devices.ofFarm(farm.id());
			var refused = new TreeMap<Long, Map<String, Long>>();
			for (var d : list) {
				var counts = readings.refusals(d.id());
				if (!counts.isEmpty()) {
					refused.put(d.id(), counts);
				}
			}
			return new View(farm, list, readings.latest(farm.id()), alarms.ofFarm(farm.id(), 50), commands.ofFarm(farm.id(), 20),
					rules.ofFarm(farm.id()), refused);
		});
	}

	/** Whether the farm, when {@code me} owns it, has a device not revoked (something may still arrive live). */
	public boolean live(OfficialPrincipal me, long farmId) {
		return work.inTx(() -> devices.ofFarm(access.own(me, farmId).id()).stream().anyMatch(d -> !d.revoked()));
	}

	/** The farm itself, when {@code me} owns it (the page's title for a refused form). */
	public Farm farm(OfficialPrincipal me, long farmId) {
		return work.inTx(() -> access.own(me, farmId));
	}
}
