package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.farm.Alarm;
import vn.xaso.farm.Command;
import vn.xaso.farm.Device;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Devices against the real embedded broker (HiveMQ CE) through a real MQTT 5 client (Eclipse Paho): sign-in with
 * the device's own credentials, telemetry stored, bad telemetry refused and counted, a high temperature raising
 * exactly one alarm that reaches notify, a publish to another farm's topic refused, a command acknowledged.
 */
@XasoIntegrationTest
class FarmMqttTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	EmbeddedBroker broker;

	@Autowired
	BrokerGate gate;

	@Autowired
	SendingCommands commands;

	@Autowired
	WatchingThresholds thresholds;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	static long farm;
	static long otherFarm;
	static ProvisioningDevices.NewDevice sensor;
	static ProvisioningDevices.NewDevice fan;
	static ProvisioningDevices.NewDevice otherSensor;
	static final List<MqttAsyncClient> clients = new java.util.ArrayList<>();

	@BeforeAll
	static void farms(@Autowired ApplicationContext context) {
		var fixture = new FarmFixture(context);
		farm = fixture.farm("Trại lợn Vân Sơn");
		otherFarm = fixture.farm("Trại gà Yên Hòa");
		sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 1");
		fan = fixture.device(farm, Device.Kind.FAN, "Quạt chuồng 1");
		otherSensor = fixture.device(otherFarm, Device.Kind.SENSOR, "Cảm biến trại gà");
	}

	@AfterAll
	static void disconnect() throws MqttException {
		for (var c : clients) {
			if (c.isConnected()) {
				c.disconnect().waitForCompletion(5000);
			}
			c.close();
		}
	}

	MqttAsyncClient connect(String login, String secret) throws MqttException {
		assertThat(broker.running()).as("the first device started the broker").isTrue();
		var client = new MqttAsyncClient("tcp://127.0.0.1:" + broker.port(), login, new MemoryPersistence());
		clients.add(client);
		var options = new MqttConnectionOptions();
		options.setUserName(login);
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(10);
		client.connect(options).waitForCompletion(10_000);
		return client;
	}

	static int[] publish(MqttAsyncClient client, String topic, String payload) throws MqttException {
		return publish(client, topic, payload.getBytes(StandardCharsets.UTF_8));
	}

	static int[] publish(MqttAsyncClient client, String topic, byte[] payload) throws MqttException {
		var message = new MqttMessage(payload);
		message.setQos(1);
		var token = client.publish(topic, message);
		token.waitForCompletion(10_000);
		return token.getReasonCodes() == null ? new int[0] : token.getReasonCodes();
	}

	<T> T inYenMo(Callable<T> work) {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> tx.execute(s -> {
			try {
				return work.call();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}));
	}

	long readings(long deviceId) {
		return inYenMo(() -> jdbc.sql("select count(*) from farm_reading where device_id = ?").param(deviceId).query(Long.class).single());
	}

	Map<String, Long> refusals(long deviceId) {
		return inYenMo(() -> {
			var result = new java.util.TreeMap<String, Long>();
			jdbc.sql("select reason, count from farm_refusal where device_id = ?").param(deviceId)
				.query(rs -> {
					result.put(rs.getString(1), rs.getLong(2));
				});
			return result;
		});
	}

	List<Alarm> alarms(long ruleId) {
		return inYenMo(() -> jdbc.sql("select " + AlarmTable.COLUMNS + " from farm_alarm where rule_id = ? order by id").param(ruleId)
			.query(AlarmTable::map).list());
	}

	static <T> T eventually(Callable<T> read, Predicate<T> until) throws Exception {
		long end = System.nanoTime() + WAIT.toNanos();
		T value = read.call();
		while (!until.test(value) && System.nanoTime() < end) {
			Thread.sleep(50);
			value = read.call();
		}
		return value;
	}

	static String ts(Instant at, String values) {
		return "{\"ts\": " + at.toEpochMilli() + ", " + values + "}";
	}

	@Test
	void aDeviceSignsInWithItsOwnCredentialsOnly() throws Exception {
		var wrong = catchThrowable(() -> connect(sensor.login(), "doan-thu-mat-khau"));
		assertThat(wrong).isInstanceOf(MqttException.class);
		assertThat(((MqttException) wrong).getReasonCode()).isEqualTo(0x86); // bad user name or password
		var borrowed = catchThrowable(() -> connect(fan.login(), sensor.secret()));
		assertThat(borrowed).isInstanceOf(MqttException.class);
		assertThat(connect(sensor.login(), sensor.secret()).isConnected()).isTrue();
	}

	@Test
	void telemetryIsStoredWithTheLatestValuePerKey() throws Exception {
		var client = connect(otherSensor.login(), otherSensor.secret());
		var now = Instant.now();
		publish(client, otherSensor.device().telemetryTopic(), "[" + ts(now.minusSeconds(120), "\"temperature\": 24.5, \"humidity\": 71")
				+ ", " + ts(now.minusSeconds(60), "\"temperature\": 25") + "]");
		publish(client, otherSensor.device().telemetryTopic(), "{\"humidity\": 69.5}");
		assertThat(eventually(() -> readings(otherSensor.device().id()), n -> n == 4)).isEqualTo(4);
		var latest = inYenMo(() -> jdbc.sql("select key, value from farm_latest where device_id = ? order by key")
			.param(otherSensor.device().id()).query((rs, n) -> rs.getString(1) + "=" + rs.getDouble(2)).list());
		assertThat(latest).containsExactly("humidity=69.5", "temperature=25.0");
	}

	@Test
	void badTelemetryIsRefusedCountedAndNeverStored() throws Exception {
		var bad = fixtureDevice("Cảm biến thử tin hỏng");
		var client = connect(bad.login(), bad.secret());
		var topic = bad.device().telemetryTopic();
		publish(client, topic, "nhiệt độ 33 độ");
		publish(client, topic, ("{\"temperature\": 20, \"note\": " + "1".repeat(20_000) + "}").getBytes(StandardCharsets.UTF_8));
		publish(client, topic, "{\"temperature\": \"nóng\"}");
		publish(client, topic, ts(Instant.now().plusSeconds(3600), "\"temperature\": 20"));
		var counted = eventually(() -> refusals(bad.device().id()), m -> m.size() == 4);
		assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("NOT_JSON", 1L, "TOO_BIG", 1L, "WRONG_TYPE", 1L, "FUTURE", 1L));
		assertThat(readings(bad.device().id())).isZero();
		publish(client, topic, "{\"temperature\": 20}");
		assertThat(eventually(() -> readings(bad.device().id()), n -> n == 1)).as("a good message after them is stored").isEqualTo(1);
	}

	@Test
	void aHighTemperatureHeldForTheDurationRaisesExactlyOneAlarmThatReachesNotify() throws Exception {
		long rule = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> thresholds.addRule(FarmFixture.HTX, farm,
				new WatchingThresholds.Input(String.valueOf(sensor.device().id()), "temperature", "ABOVE", "32", "30", "5")));
		var client = connect(sensor.login(), sensor.secret());
		var topic = sensor.device().telemetryTopic();
		var start = Instant.now().minusSeconds(900);
		publish(client, topic, "[" + ts(start, "\"temperature\": 33") + ", " + ts(start.plusSeconds(240), "\"temperature\": 34") + "]");
		eventually(() -> readings(sensor.device().id()), n -> n >= 2);
		gate.drain(WAIT);
		assertThat(alarms(rule)).as("4 minutes above 32 is not yet 5").isEmpty();
		publish(client, topic, ts(start.plusSeconds(300), "\"temperature\": 35"));
		publish(client, topic, ts(start.plusSeconds(360), "\"temperature\": 36"));
		publish(client, topic, ts(start.plusSeconds(420), "\"temperature\": 31")); // between the levels: still on
		var raised = eventually(() -> alarms(rule), a -> !a.isEmpty());
		eventually(() -> readings(sensor.device().id()), n -> n >= 5);
		gate.drain(WAIT);
		assertThat(alarms(rule)).singleElement().satisfies(a -> {
			assertThat(a.status()).isEqualTo(Alarm.Status.RAISED);
			assertThat(a.value()).isEqualTo(35.0);
		});
		var key = "farm-alarm-" + raised.getFirst().id();
		var deliveries = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO),
				() -> notifications.deliveries(FarmFixture.YEN_MO, List.of(key)));
		assertThat(deliveries.get(key)).as("one text message to the farm's phone").hasSize(1);
		publish(client, topic, ts(start.plusSeconds(480), "\"temperature\": 29"));
		var cleared = eventually(() -> alarms(rule), a -> a.getFirst().status() == Alarm.Status.CLEARED);
		assertThat(cleared).singleElement().extracting(Alarm::status).isEqualTo(Alarm.Status.CLEARED);
	}

	@Test
	void aDevicePublishingToAnotherFarmsTopicIsRefusedAndCounted() throws Exception {
		var intruder = fixtureDevice("Cảm biến đi lạc");
		var client = connect(intruder.login(), intruder.secret());
		long before = readings(otherSensor.device().id());
		int[] codes;
		try {
			codes = publish(client, otherSensor.device().telemetryTopic(), "{\"temperature\": 99}");
		}
		catch (MqttException e) {
			codes = new int[] { e.getReasonCode() };
		}
		assertThat(codes).as("not authorised (MQTT 5 reason code 0x87)").contains(0x87);
		var counted = eventually(() -> refusals(intruder.device().id()), m -> m.containsKey("TOPIC"));
		assertThat(counted).containsKey("TOPIC");
		gate.drain(WAIT);
		assertThat(readings(otherSensor.device().id())).isEqualTo(before);
		var listener = fixtureDevice("Cảm biến nghe lén");
		var other = connect(listener.login(), listener.secret());
		var subscribe = catchThrowable(() -> {
			var token = other.subscribe(new MqttSubscription(otherSensor.device().commandTopic(), 1));
			token.waitForCompletion(10_000);
			assertThat(token.getReasonCodes()).containsOnly(0x87);
		});
		assertThat(subscribe == null || subscribe instanceof MqttException).as(String.valueOf(subscribe)).isTrue();
	}

	@Test
	void aCommandReachesTheFanAndItsAnswerMarksItDone() throws Exception {
		try (var device = FakeDevice.connect(applicationContext, fan)) {
			long id = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO),
					() -> commands.send(FarmFixture.HTX, farm, new SendingCommands.Input(String.valueOf(fan.device().id()), "FAN_ON")));
			var received = device.await(1, WAIT);
			assertThat(received).singleElement().satisfies(c -> assertThat(FakeDevice.id(c)).isEqualTo(id));
			device.answer(id, true, "quạt đã chạy");
			var status = eventually(() -> inYenMo(() -> jdbc.sql("select status, note from farm_command where id = ?").param(id)
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()), s -> s.startsWith("DONE"));
			assertThat(status).isEqualTo(Command.Status.DONE.name() + " quạt đã chạy");
		}
	}

	@Test
	void aRevokedDeviceIsDisconnectedAndCannotComeBack() throws Exception {
		var device = fixtureDevice("Cảm biến cũ");
		var client = connect(device.login(), device.secret());
		Tenancy.runAs(UnitScope.of(FarmFixture.YEN_MO),
				() -> applicationContext.getBean(ProvisioningDevices.class).revoke(FarmFixture.HTX, farm, device.device().id()));
		assertThat(eventually(client::isConnected, connected -> !connected)).isFalse();
		var again = catchThrowable(() -> connect(device.login(), device.secret()));
		assertThat(again).isInstanceOf(MqttException.class);
	}

	@Autowired
	ApplicationContext applicationContext;

	@Test
	void aMessageOverTheBrokersPacketLimitIsCutOffAndCountedAsTooBig() throws Exception {
		var big = fixtureDevice("Cảm biến gửi tin quá lớn");
		var payload = ("{\"temperature\": 20, \"note\": \"" + "1".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		int answer = RawMqtt.publishIgnoringTheLimit(broker.port(), big.login(), big.secret(), big.device().telemetryTopic(), payload);
		assertThat(answer).as("DISCONNECT (packet too large) or the connection closed").isIn(0xE0, -1);
		var counted = eventually(() -> refusals(big.device().id()), m -> m.containsKey("TOO_BIG"));
		assertThat(counted).containsExactly(Map.entry("TOO_BIG", 1L));
		assertThat(readings(big.device().id())).isZero();
	}

	ProvisioningDevices.NewDevice fixtureDevice(String name) {
		return new FarmFixture(applicationContext).device(farm, Device.Kind.SENSOR, name);
	}
}
