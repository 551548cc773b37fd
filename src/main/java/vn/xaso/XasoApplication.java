package vn.xaso;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * XaSo — one modular monolith. Top-level packages are modules; {@code platform} is the shared kernel.
 * The jar takes an optional first argument naming a command: {@code serve} (default), {@code migrate},
 * {@code import-units}, {@code demo}, {@code verify-audit}, {@code setup} (first-run setup from a file),
 * {@code backup}, {@code restore} (these two run without Spring, see {@link vn.xaso.platform.db.BackupCommand}),
 * {@code provision-devices} (farm devices for the simulator) and {@code simulate-devices} (without Spring: MQTT
 * devices against a broker; docs/modules/farm.md).
 */
@SpringBootApplication
@Modulithic(systemName = "XaSo", sharedModules = "platform")
public class XasoApplication {

	public static void main(String[] args) {
		var command = args.length > 0 && !args[0].startsWith("-") ? args[0] : "serve";
		var rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
		if (command.equals("simulate-devices")) {
			// No Spring, no database: MQTT clients against a broker (vn.xaso.farm.DeviceSimulator).
			System.exit(vn.xaso.farm.DeviceSimulator.run(rest));
		}
		if (command.equals("backup") || command.equals("restore")) {
			System.exit(vn.xaso.platform.db.BackupCommand.run(command, rest));
		}
		var app = new SpringApplication(XasoApplication.class);
		// The embedded PostgreSQL starts beside the context's construction instead of inside it (start-up time).
		app.addListeners(new vn.xaso.platform.db.EmbeddedDatabaseEarlyStart());
		vn.xaso.platform.observability.StartupSteps.install(app);
		if (!command.equals("serve")) {
			// A web application context (the security configuration needs one) that listens on no port.
			if (Arrays.stream(rest).noneMatch(arg -> arg.startsWith("--server.port="))) {
				rest = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=-1"), Arrays.stream(rest)).toArray(String[]::new);
			}
			// Nor does it open the farm's MQTT broker (provision-devices registers devices beside a serving instance).
			if (Arrays.stream(rest).noneMatch(arg -> arg.startsWith("--xaso.farm.mqtt.enabled="))) {
				rest = java.util.stream.Stream.concat(java.util.stream.Stream.of("--xaso.farm.mqtt.enabled=false"), Arrays.stream(rest)).toArray(String[]::new);
			}
			app.setAdditionalProfiles("cli");
		}
		System.setProperty("xaso.command", command);
		if (command.equals("serve")) {
			app.run(rest);
			return;
		}
		try {
			System.exit(SpringApplication.exit(app.run(rest)));
		}
		catch (RuntimeException e) {
			// A library's non-daemon thread would otherwise keep a failed command alive.
			System.err.println("xaso " + command + ": " + e.getMessage());
			System.exit(1);
		}
	}
}
