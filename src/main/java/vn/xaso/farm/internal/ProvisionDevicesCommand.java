package vn.xaso.farm.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.xaso.farm.Device;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * {@code java -jar xaso.jar provision-devices --unit=14701 --owner=<farmer> --count=1000 --out=devices.csv}: registers
 * N devices (sensors, or {@code --kind=FAN|FEEDER}) for the device simulator through {@link ProvisioningDevices} (hashed secrets, audited, like the farmer's
 * "Add the device") and writes their credentials to a CSV file (readable by its owner only). Into {@code --farm=<id>}
 * of that farmer, or a new farm registered for the farmer (an active PRODUCER account of the commune). With
 * {@code --alarm-above=32} each sensor also gets the rule "temperature above 32, cleared below {@code --alarm-clear}
 * (default 30), at once" — the simulator's alarm probe. A command of the jar only: nothing of it is reachable over HTTP,
 * and it runs against the instance's database while the instance is stopped (or beside it with an external database).
 */
@Component
@Order
class ProvisionDevicesCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String ACTOR = "xaso-cli";

	private final KeepingFarms farms;
	private final ProvisioningDevices provisioning;
	private final WatchingThresholds thresholds;
	private int exitCode;

	ProvisionDevicesCommand(KeepingFarms farms, ProvisioningDevices provisioning, WatchingThresholds thresholds) {
		this.farms = farms;
		this.provisioning = provisioning;
		this.thresholds = thresholds;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!"provision-devices".equals(System.getProperty("xaso.command"))) {
			return;
		}
		var unit = one(args, "unit", null);
		var owner = one(args, "owner", null);
		var out = java.util.Objects.requireNonNull(one(args, "out", "devices.csv"));
		if (unit == null || owner == null) {
			System.err.println("usage: xaso provision-devices --unit=<commune code> --owner=<farmer's user name> [--count=N] "
					+ "[--out=devices.csv] [--farm=<id>] [--kind=SENSOR|FAN|FEEDER] [--alarm-above=32 [--alarm-clear=30]]");
			exitCode = 2;
			return;
		}
		int count = Integer.parseInt(java.util.Objects.requireNonNull(one(args, "count", "100")));
		var farm = one(args, "farm", null);
		var above = one(args, "alarm-above", null);
		var clear = java.util.Objects.requireNonNull(one(args, "alarm-clear", "30"));
		var kind = Device.Kind.valueOf(java.util.Objects.requireNonNull(one(args, "kind", "SENSOR")));
		var lines = Tenancy.callAs(UnitScope.of(unit),
				() -> provision(unit, owner, farm == null ? null : Long.valueOf(farm), kind, count, above, clear));
		write(Path.of(out), lines);
		System.out.printf("provisioned %d devices; credentials in %s%n", count, out);
	}

	/** Registers the devices; the CSV lines (header first). */
	java.util.List<String> provision(String unit, String owner, @Nullable Long farmId, Device.Kind kind, int count, @Nullable String above, String clear) {
		long farm = farmId != null ? farmId
				: farms.register(principal(unit, ACTOR, Role.ADMIN), new KeepingFarms.Input("Simulator farm " + System.currentTimeMillis(), owner,
						owner, "0988000017"));
		var me = principal(unit, owner, Role.PRODUCER);
		var lines = new ArrayList<String>();
		lines.add("login,secret,telemetry_topic,command_topic,ack_topic");
		for (int i = 1; i <= count; i++) {
			var added = provisioning.register(me, farm, new ProvisioningDevices.Input(kind.name(), "Simulated " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + i));
			var d = added.device();
			lines.add(String.join(",", added.login(), added.secret(), d.telemetryTopic(), d.commandTopic(), d.ackTopic()));
			if (above != null) {
				thresholds.addRule(me, farm, new WatchingThresholds.Input(Long.toString(d.id()), "temperature", "ABOVE", above, clear, "0"));
			}
		}
		System.out.printf("farm %d of %s in %s%n", farm, owner, unit);
		return lines;
	}

	private static OfficialPrincipal principal(String unit, String username, Role role) {
		return new OfficialPrincipal(0, username, username, unit, unit, Set.of(role), UnitScope.of(unit));
	}

	private static void write(Path file, java.util.List<String> lines) {
		try {
			Files.deleteIfExists(file);
			Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
					java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
			Files.write(file, lines);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static @Nullable String one(ApplicationArguments args, String name, @Nullable String fallback) {
		var values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.getFirst();
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
