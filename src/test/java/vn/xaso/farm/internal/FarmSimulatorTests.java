package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.farm.Device;
import vn.xaso.farm.DeviceSimulator;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The jar's two bench commands against the embedded broker: provision-devices registers fans for the demo farmer
 * (a new farm, an alarm rule each) and writes their credentials; simulate-devices connects them over real MQTT 5,
 * their telemetry is stored, a hot reading raises an alarm, and a command the farmer sends is answered → DONE.
 */
@XasoIntegrationTest
class FarmSimulatorTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	ProvisionDevicesCommand provision;

	@Autowired
	EmbeddedBroker broker;

	@Autowired
	SendingCommands commands;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	<T> T inYenMo(java.util.function.Supplier<T> read) {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> tx.execute(s -> read.get()));
	}

	long count(String sql, long deviceId) {
		return inYenMo(() -> jdbc.sql(sql).param(deviceId).query(Long.class).single());
	}

	long eventually(String sql, long deviceId, long atLeast) throws InterruptedException {
		long end = System.nanoTime() + WAIT.toNanos();
		long n = count(sql, deviceId);
		while (n < atLeast && System.nanoTime() < end) {
			Thread.sleep(50);
			n = count(sql, deviceId);
		}
		return n;
	}

	@Test
	void simulatedDevicesAreStoredRaiseAnAlarmAndAnswerACommand(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
		var lines = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO),
				() -> provision.provision(FarmFixture.YEN_MO, "yenmo.htx", null, Device.Kind.FAN, 3, "32", "30"));
		assertThat(lines).hasSize(4).first().isEqualTo("login,secret,telemetry_topic,command_topic,ack_topic");
		var csv = folder.resolve("devices.csv");
		Files.write(csv, lines);
		var devices = DeviceSimulator.read(csv);
		assertThat(devices).hasSize(3);
		// xaso/{unit}/farm/{farm}/device/{device}/telemetry
		var topic = devices.getFirst().telemetryTopic().split("/");
		long farm = Long.parseLong(topic[3]);
		List<Long> ids = devices.stream().map(d -> Long.parseLong(d.login().substring(1))).toList();
		assertThat(broker.running()).as("registering the devices started the broker").isTrue();

		var exit = new AtomicInteger(-1);
		var simulator = Thread.ofPlatform().start(() -> exit.set(DeviceSimulator.run(new String[] {
				"--broker=tcp://127.0.0.1:" + broker.port(), "--devices=" + csv, "--rate=4", "--duration=6", "--report=2", "--hot-every=3" })));
		for (long id : ids) {
			assertThat(eventually("select count(*) from farm_reading where device_id = ? and key = 'temperature'", id, 3))
				.as("readings of d" + id).isGreaterThanOrEqualTo(3);
		}
		assertThat(eventually("select count(*) from farm_alarm where device_id = ?", ids.getFirst(), 1))
			.as("35 degrees raised the rule's alarm").isPositive();

		long command = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO),
				() -> commands.send(FarmFixture.HTX, farm, new SendingCommands.Input(String.valueOf(ids.get(1)), "FAN_ON")));
		long end = System.nanoTime() + WAIT.toNanos();
		String state = "";
		while (!state.startsWith("DONE") && System.nanoTime() < end) {
			Thread.sleep(50);
			state = inYenMo(() -> jdbc.sql("select status || ' ' || coalesce(note, '') from farm_command where id = ?").param(command)
				.query(String.class).single());
		}
		assertThat(state).isEqualTo("DONE simulator");
		simulator.join(WAIT.toMillis());
		assertThat(exit.get()).as("every device connected, no publish failed").isZero();
	}
}
