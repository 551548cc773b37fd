package vn.xaso.farm;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.net.SocketFactory;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;

/**
 * One simulated device of {@link DeviceSimulator}: an MQTT 5 client (Eclipse Paho) signed in with the device's own
 * credentials, subscribed to its command topic (each command answered on its ack topic with {@code "ok": true}),
 * publishing telemetry at QoS 1. Counts go to the simulator's shared counters.
 */
public final class SimulatedDevice {

	private static final Pattern COMMAND_ID = Pattern.compile("\"command\"\\s*:\\s*([0-9]{1,18})");

	/** A line of the devices file: the device's user name (also its client id), secret and topics. */
	public record Credentials(String login, String secret, String telemetryTopic, String commandTopic, String ackTopic) {
	}

	/** The simulator's counters, shared by all devices. */
	record Counters(AtomicLong published, AtomicLong acked, AtomicLong failed, AtomicLong busy, AtomicLong commands,
			AtomicLong lost) {

		Counters() {
			this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
		}
	}

	private final Credentials credentials;
	private final MqttAsyncClient client;
	private final Counters counters;
	private final AtomicLong sequence = new AtomicLong();

	SimulatedDevice(String broker, Credentials credentials, Counters counters, ScheduledExecutorService executor) throws MqttException {
		this.credentials = credentials;
		this.counters = counters;
		this.client = new MqttAsyncClient(broker, credentials.login(), new MemoryPersistence(), new TimerPingSender(executor), executor);
		client.setCallback(new Inbox());
	}

	Credentials credentials() {
		return credentials;
	}

	/** Signs in and subscribes to the command topic; false (and why, on stderr) when the broker refused. */
	boolean connect(@Nullable SocketFactory sockets) {
		var options = new MqttConnectionOptions();
		options.setUserName(credentials.login());
		options.setPassword(credentials.secret().getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(30);
		options.setKeepAliveInterval(60);
		if (sockets != null) {
			options.setSocketFactory(sockets);
		}
		try {
			client.connect(options).waitForCompletion(30_000);
			var granted = client.subscribe(new MqttSubscription(credentials.commandTopic(), 1));
			granted.waitForCompletion(30_000);
			return granted.getReasonCodes() != null && granted.getReasonCodes()[0] == 1;
		}
		catch (MqttException e) {
			System.err.println(credentials.login() + ": not connected (" + e.getReasonCode() + " " + e.getMessage() + ")");
			return false;
		}
	}

	boolean connected() {
		return client.isConnected();
	}

	/**
	 * One telemetry message with the time of the publish: temperature and humidity; a temperature of 35 when
	 * {@code hot} (the simulator's alarm probe), 24 to 29 otherwise. Not sent (counted busy) when the broker's in-flight
	 * window of this device is full.
	 */
	void telemetry(boolean hot) {
		var random = ThreadLocalRandom.current();
		double temperature = hot ? 35.0 : 24 + random.nextInt(50) / 10.0;
		var json = "{\"ts\": " + System.currentTimeMillis() + ", \"temperature\": " + temperature + ", \"humidity\": "
				+ (60 + random.nextInt(300) / 10.0) + ", \"seq\": " + sequence.incrementAndGet() + "}";
		publish(credentials.telemetryTopic(), json);
	}

	/**
	 * The raw probe: a message to the device's own ack topic that is not a command answer — the broker signs, checks
	 * and hands it to the farm module like telemetry, which reads the device and stores nothing. Waits for the PUBACK.
	 */
	boolean rawBlocking() {
		try {
			client.publish(credentials.ackTopic(), "{\"probe\": true}".getBytes(StandardCharsets.UTF_8), 1, false)
				.waitForCompletion(30_000);
			counters.published().incrementAndGet();
			counters.acked().incrementAndGet();
			return true;
		}
		catch (MqttException e) {
			counters.failed().incrementAndGet();
			return false;
		}
	}

	private void publish(String topic, String json) {
		try {
			client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false, null, new MqttActionListener() {
				@Override
				public void onSuccess(IMqttToken token) {
					counters.acked().incrementAndGet();
				}

				@Override
				public void onFailure(IMqttToken token, Throwable error) {
					counters.failed().incrementAndGet();
				}
			});
			counters.published().incrementAndGet();
		}
		catch (MqttException e) {
			if (e.getReasonCode() == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
				counters.busy().incrementAndGet();
			}
			else {
				counters.failed().incrementAndGet();
			}
		}
	}

	void close() {
		try {
			if (client.isConnected()) {
				client.disconnect().waitForCompletion(5_000);
			}
			client.close();
		}
		catch (MqttException e) {
			// leaving anyway
		}
	}

	/** Commands arrive here; each is answered at once with ok true. */
	private final class Inbox implements MqttCallback {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			var matcher = COMMAND_ID.matcher(new String(message.getPayload(), StandardCharsets.UTF_8));
			if (!topic.equals(credentials.commandTopic()) || !matcher.find()) {
				return;
			}
			counters.commands().incrementAndGet();
			var answer = "{\"command\": " + matcher.group(1) + ", \"ok\": true, \"note\": \"simulator\"}";
			// Paho may not publish from its own callback thread while it waits: answer on another thread.
			Thread.ofVirtual().start(() -> publish(credentials.ackTopic(), answer));
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
			counters.lost().incrementAndGet();
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
