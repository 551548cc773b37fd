package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.xaso.farm.Alarm;
import vn.xaso.farm.Device;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 18 tried with the MQTT clients a farmer's installer would use: Debian's mosquitto-clients. mosquitto_pub
 * publishes a high temperature with the sensor's own credentials (twice): one alarm, one text message to the farm's
 * phone; a reading an hour in the future is refused, counted and not stored. mosquitto_sub, signed in as the fan,
 * receives the fan-on command and mosquitto_pub answers it: done. Without mosquitto-clients these tests fail (they are
 * not skipped): {@code ./xaso test} installs the package.
 */
@XasoIntegrationTest
class FarmMosquittoTests {

	static final Path PUB = Path.of("/usr/bin/mosquitto_pub");
	static final Path SUB = Path.of("/usr/bin/mosquitto_sub");

	@Autowired
	ApplicationContext context;

	@Autowired
	EmbeddedBroker broker;

	@Autowired
	BrokerGate gate;

	@Autowired
	Notifications notifications;

	@BeforeAll
	static void mosquittoClients() {
		if (!Files.isExecutable(PUB) || !Files.isExecutable(SUB)) {
			fail("These tests need Debian's mosquitto-clients at " + PUB + " and " + SUB
					+ " (apt-get install mosquitto-clients, or run ./xaso test which installs it). They are not skipped on purpose.");
		}
	}

	/** The client's connection options: the embedded broker, MQTT 5, the device's user name as client id, its secret. */
	List<String> signIn(Path client, ProvisioningDevices.NewDevice device) {
		return new ArrayList<>(List.of(client.toString(), "-h", "127.0.0.1", "-p", String.valueOf(broker.port()), "-V", "mqttv5", "-i",
				device.login(), "-u", device.login(), "-P", device.secret(), "-q", "1"));
	}

	/** mosquitto_pub of one message; its exit code and output. */
	String publish(ProvisioningDevices.NewDevice device, String topic, String message) throws Exception {
		var command = signIn(PUB, device);
		command.addAll(List.of("-t", topic, "-m", message));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mosquitto_pub ended").isTrue();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	@Test
	void mosquittoPubWithTheSensorsCredentialsRaisesOneAlarmThatReachesTheFarmerOnce() throws Exception {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		long farm = fixture.farm("Trại lợn Vân Sơn mosquitto");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 3");
		long rule = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> context.getBean(WatchingThresholds.class).addRule(FarmFixture.HTX,
				farm, new WatchingThresholds.Input(String.valueOf(sensor.device().id()), "temperature", "ABOVE", "32", "30", "0")));
		var topic = sensor.device().telemetryTopic();
		publish(sensor, topic, "{\"temperature\": 35.5, \"humidity\": 81}");
		publish(sensor, topic, "{\"temperature\": 36}");
		assertThat(FarmSql.eventually(() -> sql.readings(sensor.device().id()), n -> n == 3)).isEqualTo(3);
		gate.drain(FarmSql.WAIT);
		var alarms = sql.alarms(rule);
		assertThat(alarms).as("two high readings, one alarm").singleElement().satisfies(a -> {
			assertThat(a.status()).isEqualTo(Alarm.Status.RAISED);
			assertThat(a.value()).isEqualTo(35.5);
		});
		var key = "farm-alarm-" + alarms.getFirst().id();
		var deliveries = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> notifications.deliveries(FarmFixture.YEN_MO, List.of(key)));
		assertThat(deliveries.get(key)).as("one text message to the farm's phone").hasSize(1);

		var ahead = "{\"ts\": " + Instant.now().plusSeconds(3600).toEpochMilli() + ", \"temperature\": 20}";
		publish(sensor, topic, ahead);
		publish(sensor, topic, "{\"temperature\": \"hot\"}");
		var counted = FarmSql.eventually(() -> sql.inYenMo(db -> db.sql("select reason, count from farm_refusal where device_id = ? order by reason")
			.param(sensor.device().id()).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()), l -> l.size() == 2);
		assertThat(counted).containsExactly(Map.entry("FUTURE", 1L), Map.entry("WRONG_TYPE", 1L));
		assertThat(sql.readings(sensor.device().id())).as("nothing of them stored").isEqualTo(3);
	}

	@Test
	void mosquittoSubSignedInAsTheFanReceivesItsCommandAndMosquittoPubAnswersIt() throws Exception {
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		long farm = fixture.farm("Trại lợn Vân Sơn quạt");
		var fan = fixture.device(farm, Device.Kind.FAN, "Quạt chuồng 3");
		var command = new ArrayList<>(List.of("stdbuf", "-oL"));
		command.addAll(signIn(SUB, fan));
		command.addAll(List.of("-d", "-C", "1", "-W", "30", "-t", fan.device().commandTopic()));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			BlockingQueue<String> lines = new LinkedBlockingQueue<>();
			var reader = new Thread(() -> {
				try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line; (line = in.readLine()) != null;) {
						lines.add(line);
					}
				}
				catch (IOException e) {
					lines.add("read failed: " + e);
				}
			}, "mosquitto_sub-output");
			reader.setDaemon(true);
			reader.start();
			var seen = new ArrayList<String>();
			waitFor(lines, seen, l -> l.contains("SUBACK"));
			long id = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> context.getBean(SendingCommands.class).send(FarmFixture.HTX,
					farm, new SendingCommands.Input(String.valueOf(fan.device().id()), "FAN_ON")));
			var payload = waitFor(lines, seen, l -> l.startsWith("{"));
			assertThat(payload).isEqualTo("{\"command\":" + id + ",\"action\":\"FAN_ON\"}");
			assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mosquitto_sub left after one message").isTrue();
			assertThat(process.exitValue()).as(String.join("\n", seen)).isZero();
			assertThat(sql.commandStatus(id)).isEqualTo("PENDING");
			publish(fan, fan.device().ackTopic(), "{\"command\": " + id + ", \"ok\": true, \"note\": \"fan running\"}");
			assertThat(FarmSql.eventually(() -> sql.commandStatus(id), s -> !s.equals("PENDING"))).isEqualTo("DONE");
		}
		finally {
			process.destroy();
		}
	}

	static String waitFor(BlockingQueue<String> lines, List<String> seen, Predicate<String> wanted) throws InterruptedException {
		long end = System.nanoTime() + FarmSql.WAIT.toNanos();
		while (System.nanoTime() < end) {
			var line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null) {
				seen.add(line);
				if (wanted.test(line)) {
					return line;
				}
			}
		}
		fail("mosquitto_sub did not print what was awaited; it printed:\n" + String.join("\n", seen));
		return "";
	}
}
