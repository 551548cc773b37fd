package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.farm.Device;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The broker's other listeners with real clients: MQTT over WebSocket ({@code ws://…/mqtt}; the JDK's WebSocket client
 * carrying MQTT 5 packets, {@link WebSocketMqtt}) checks the secret, stores a device's reading and refuses another
 * farm's topic as over TCP (0x87, counted); MQTT over TLS (Eclipse Paho) with the
 * keystore TestMqttKeystore made for the context: a client trusting its certificate publishes and the reading is
 * stored, a client trusting only the JVM's usual authorities is not connected.
 */
@XasoIntegrationTest
class FarmListenerTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	EmbeddedBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Value("${xaso.test.mqtt-truststore}")
	String truststore;

	@Value("${xaso.farm.mqtt.tls.keystore-password}")
	String password;

	static ProvisioningDevices.NewDevice sensor;
	static ProvisioningDevices.NewDevice other;
	static final List<MqttAsyncClient> clients = new ArrayList<>();

	@BeforeAll
	static void devices(@Autowired ApplicationContext context) {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại thử cổng WebSocket");
		long otherFarm = fixture.farm("Trại thử cổng khác");
		sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến qua WebSocket");
		other = fixture.device(otherFarm, Device.Kind.SENSOR, "Cảm biến trại khác");
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

	MqttAsyncClient connect(String uri, ProvisioningDevices.NewDevice device, @Nullable SocketFactory sockets) throws MqttException {
		assertThat(broker.running()).as("the first device started the broker").isTrue();
		var client = new MqttAsyncClient(uri, device.login(), new MemoryPersistence());
		clients.add(client);
		var options = new MqttConnectionOptions();
		options.setUserName(device.login());
		options.setPassword(device.secret().getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(10);
		if (sockets != null) {
			options.setSocketFactory(sockets);
		}
		client.connect(options).waitForCompletion(10_000);
		return client;
	}

	static int[] publish(MqttAsyncClient client, String topic, String payload) {
		var message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		try {
			var token = client.publish(topic, message);
			token.waitForCompletion(10_000);
			return token.getReasonCodes() == null ? new int[0] : token.getReasonCodes();
		}
		catch (MqttException e) {
			return new int[] { e.getReasonCode() };
		}
	}

	<T> T inYenMo(java.util.function.Supplier<T> read) {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> tx.execute(s -> read.get()));
	}

	/** The device's stored readings of this key, as "value". */
	List<Double> readings(long deviceId, String key) throws InterruptedException {
		return inYenMo(() -> jdbc.sql("select value from farm_reading where device_id = ? and key = ? order by at")
			.param(deviceId).param(key).query(Double.class).list());
	}

	List<Double> eventually(long deviceId, String key, int count) throws InterruptedException {
		long end = System.nanoTime() + WAIT.toNanos();
		var values = readings(deviceId, key);
		while (values.size() < count && System.nanoTime() < end) {
			Thread.sleep(50);
			values = readings(deviceId, key);
		}
		return values;
	}

	Map<String, Long> refusals(long deviceId) {
		return inYenMo(() -> {
			var result = new java.util.TreeMap<String, Long>();
			jdbc.sql("select reason, count from farm_refusal where device_id = ?").param(deviceId).query(rs -> {
				result.put(rs.getString(1), rs.getLong(2));
			});
			return result;
		});
	}

	@Test
	void aDeviceOverWebSocketIsStoredAndRefusedElsewhereAsOverTcp() throws Exception {
		assertThat(broker.websocketPort()).isPositive();
		var uri = "ws://127.0.0.1:" + broker.websocketPort() + "/mqtt";
		try (var client = WebSocketMqtt.open(uri)) {
			assertThat(client.connect(sensor.login(), "sai-mat-khau-thiet-bi")).as("bad user name or password").isEqualTo(0x86);
		}
		try (var client = WebSocketMqtt.open(uri)) {
			assertThat(client.connect(sensor.login(), sensor.secret())).isZero();
			assertThat(client.publish(sensor.device().telemetryTopic(), "{\"soil_moisture\": 41.5}")).isZero();
			assertThat(eventually(sensor.device().id(), "soil_moisture", 1)).containsExactly(41.5);
			assertThat(client.publish(other.device().telemetryTopic(), "{\"soil_moisture\": 99}"))
				.as("not authorised (MQTT 5 reason code 0x87)").isEqualTo(0x87);
		}
		long end = System.nanoTime() + WAIT.toNanos();
		while (!refusals(sensor.device().id()).containsKey("TOPIC") && System.nanoTime() < end) {
			Thread.sleep(50);
		}
		assertThat(refusals(sensor.device().id())).containsEntry("TOPIC", 1L);
		assertThat(readings(other.device().id(), "soil_moisture")).isEmpty();
	}

	@Test
	void aDeviceTrustingTheCertificateTalksOverTlsAndOneThatDoesNotIsNotConnected() throws Exception {
		assertThat(broker.tlsPort()).isPositive();
		var uri = "ssl://127.0.0.1:" + broker.tlsPort();
		var untrusted = catchThrowable(() -> connect(uri, other, SSLContext.getDefault().getSocketFactory()));
		assertThat(untrusted).as("the test certificate is not trusted by default").isInstanceOf(MqttException.class);

		var store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(truststore))) {
			store.load(in, password.toCharArray());
		}
		var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		var tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		var client = connect(uri, other, tls.getSocketFactory());
		assertThat(client.isConnected()).isTrue();
		assertThat(publish(client, other.device().telemetryTopic(), "{\"ammonia_ppm\": 12}")).doesNotContain(0x87);
		assertThat(eventually(other.device().id(), "ammonia_ppm", 1)).containsExactly(12.0);
	}
}
