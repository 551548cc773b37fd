package vn.xaso.farm.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.springframework.context.ApplicationContext;

/**
 * A feeder or fan for the tests, over real MQTT 5 (Eclipse Paho) against the embedded broker: it signs in with its
 * own credentials, subscribes to its command topic, keeps the commands it receives and answers one when the test
 * says so — so a test can see a command pending before it is done.
 */
public final class FakeDevice implements AutoCloseable {

	private final MqttAsyncClient client;
	private final ProvisioningDevices.NewDevice device;
	private final List<String> received = new CopyOnWriteArrayList<>();

	private FakeDevice(MqttAsyncClient client, ProvisioningDevices.NewDevice device) {
		this.client = client;
		this.device = device;
	}

	/** Connects as the device and subscribes to its commands (returns once the broker granted the subscription). */
	public static FakeDevice connect(ApplicationContext context, ProvisioningDevices.NewDevice device) throws MqttException {
		return connect("tcp://127.0.0.1:" + context.getBean(EmbeddedBroker.class).port(), device);
	}

	/** The device signed in to the broker at {@code url} (an external one), subscribed to its commands. */
	public static FakeDevice connect(String url, ProvisioningDevices.NewDevice device) throws MqttException {
		var client = new MqttAsyncClient(url, device.login(), new MemoryPersistence());
		var fake = new FakeDevice(client, device);
		client.setCallback(fake.new Inbox());
		var options = new MqttConnectionOptions();
		options.setUserName(device.login());
		options.setPassword(device.secret().getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(10);
		client.connect(options).waitForCompletion(10_000);
		var subscription = client.subscribe(new MqttSubscription(device.device().commandTopic(), 1));
		subscription.waitForCompletion(10_000);
		if (subscription.getReasonCodes() == null || subscription.getReasonCodes()[0] != 1) {
			throw new IllegalStateException("subscription to the command topic not granted");
		}
		return fake;
	}

	/** The commands received so far, as sent: {"command": id, "action": "..."}. */
	public List<String> received() {
		return List.copyOf(received);
	}

	/** Waits until {@code count} commands arrived (up to {@code most}); the list then. */
	public List<String> await(int count, Duration most) throws InterruptedException {
		long end = System.nanoTime() + most.toNanos();
		while (received.size() < count && System.nanoTime() < end) {
			Thread.sleep(20);
		}
		return received();
	}

	/** The command id in a received message. */
	public static long id(String command) {
		return Long.parseLong(command.replaceAll("(?s).*\"command\"\\s*:\\s*([0-9]+).*", "$1"));
	}

	/** Publishes telemetry (a JSON text) on the device's own topic, QoS 1, and waits for the broker's acknowledgement. */
	public void telemetry(String json) throws MqttException {
		var message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		client.publish(device.device().telemetryTopic(), message).waitForCompletion(10_000);
	}

	/** Answers a command on the device's ack topic. */
	public void answer(long commandId, boolean ok, String note) throws MqttException {
		var reply = new MqttMessage(("{\"command\": " + commandId + ", \"ok\": " + ok + ", \"note\": \"" + note + "\"}")
			.getBytes(StandardCharsets.UTF_8));
		reply.setQos(1);
		client.publish(device.device().ackTopic(), reply).waitForCompletion(10_000);
	}

	/** Publishes telemetry on the device's own topic (QoS 1); the broker's reason code (0 or 16: accepted). */
	public int publish(String json) throws MqttException {
		var message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		var token = client.publish(device.device().telemetryTopic(), message);
		token.waitForCompletion(10_000);
		return token.getReasonCodes() == null ? 0 : token.getReasonCodes()[0];
	}

	@Override
	public void close() throws MqttException {
		if (client.isConnected()) {
			client.disconnect().waitForCompletion(5000);
		}
		client.close();
	}

	private final class Inbox implements MqttCallback {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
		}

		@Override
		public void mqttErrorOccurred(MqttException exception) {
		}

		@Override
		public void deliveryComplete(IMqttToken token) {
		}

		@Override
		public void connectComplete(boolean reconnect, String serverURI) {
		}

		@Override
		public void authPacketArrived(int reasonCode, MqttProperties properties) {
		}
	}
}
