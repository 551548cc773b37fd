package vn.xaso.farm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The way to the devices through a broker outside the instance (a province's Mosquitto, EMQX or HiveMQ;
 * {@code xaso.farm.broker.mode=external}, {@link ExternalBrokerConfig}): the farm module signs in as one client of its own
 * (user name, password, TLS with the broker's CA when the URL is {@code ssl://}), subscribes to the telemetry and ack
 * topics of its communes — a shared subscription, so that each message reaches one replica — and publishes the
 * commands (QoS 1). The broker signs the devices in and applies their topic rules (docs/operations.md, "External
 * broker"); a message is taken only on the exact topic of a device of this instance that is not revoked
 * ({@link BrokerGate#fromBroker}). Lost connections are retried (1 s to 30 s apart) and the subscriptions made again.
 */
class ExternalBroker implements DeviceLink, MqttCallback, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ExternalBroker.class);

	private final BrokerGate gate;
	private final ExternalBrokerConfig.Settings settings;
	private volatile @Nullable MqttAsyncClient client;
	private volatile boolean stopped;

	ExternalBroker(BrokerGate gate, ExternalBrokerConfig.Settings settings) {
		this.gate = gate;
		this.settings = settings;
	}

	/** Connects in the background: the start-up does not wait for the broker (retried until it answers). */
	@EventListener(ApplicationReadyEvent.class)
	void connectInBackground() {
		var starter = new Thread(this::start, "farm-broker-connect");
		starter.setDaemon(true);
		starter.start();
	}

	/** Connects, trying again 1 s to 30 s apart until the broker answers or the application stops. */
	void start() {
		MqttAsyncClient c;
		synchronized (this) {
			if (client != null || stopped) {
				return;
			}
			try {
				c = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
			}
			catch (MqttException e) {
				throw new IllegalStateException("xaso.farm.broker.url " + settings.url() + " is not usable", e);
			}
			c.setCallback(this);
			client = c;
		}
		long wait = 1_000;
		while (!stopped) {
			try {
				c.connect(options()).waitForCompletion(15_000);
				log.info("Farm devices through the external MQTT broker {} as {}", settings.url(), settings.username());
				return;
			}
			catch (MqttException e) {
				log.warn("The external MQTT broker {} could not be reached ({}); trying again in {} ms", settings.url(), e.toString(), wait);
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				wait = Math.min(wait * 2, 30_000);
			}
		}
	}

	private MqttConnectionOptions options() {
		var o = new MqttConnectionOptions();
		o.setUserName(settings.username());
		o.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
		o.setCleanStart(true);
		o.setAutomaticReconnect(true);
		o.setAutomaticReconnectDelay(1, 30);
		o.setConnectionTimeout(10);
		o.setKeepAliveInterval(30);
		if (!settings.caFile().isBlank()) {
			o.setSocketFactory(tls(Path.of(settings.caFile())).getSocketFactory());
		}
		return o;
	}

	/** The topic filters of the communes served: telemetry and acks of every device. */
	List<String> filters() {
		var result = new ArrayList<String>();
		var prefix = settings.sharedGroup().isBlank() ? "" : "$share/" + settings.sharedGroup() + "/";
		for (var unit : settings.units()) {
			result.add(prefix + "xaso/" + unit + "/farm/+/device/+/telemetry");
			result.add(prefix + "xaso/" + unit + "/farm/+/device/+/ack");
		}
		return result;
	}

	boolean connected() {
		var c = client;
		return c != null && c.isConnected();
	}

	@Override
	public void connectComplete(boolean reconnect, String serverURI) {
		var c = client;
		if (c == null) {
			return;
		}
		var topics = filters().toArray(String[]::new);
		var qos = new int[topics.length];
		Arrays.fill(qos, 1);
		try {
			c.subscribe(topics, qos).waitForCompletion(10_000);
			log.info("Farm broker {}{}: subscribed to {}", serverURI, reconnect ? " (reconnected)" : "", Arrays.toString(topics));
		}
		catch (MqttException e) {
			log.error("Farm broker {}: subscribing failed", serverURI, e);
		}
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		gate.fromBroker(topic, message.getPayload());
	}

	@Override
	public void disconnected(MqttDisconnectResponse response) {
		log.warn("Farm broker {} disconnected: {}; reconnecting", settings.url(), response);
	}

	@Override
	public void mqttErrorOccurred(MqttException exception) {
		log.warn("Farm broker {}: {}", settings.url(), exception.toString());
	}

	@Override
	public void deliveryComplete(IMqttToken token) {
	}

	@Override
	public void authPacketArrived(int reasonCode, MqttProperties properties) {
	}

	/** The devices' credentials live in the external broker (docs/operations.md): nothing to start here. */
	@Override
	public void deviceAdded() {
	}

	@Override
	public boolean send(String topic, byte[] payload) {
		var c = client;
		if (c == null || !c.isConnected()) {
			return false;
		}
		try {
			var message = new MqttMessage(payload);
			message.setQos(1);
			c.publish(topic, message);
			return true;
		}
		catch (MqttException e) {
			log.warn("Farm command to {} not published: {}", topic, e.toString());
			return false;
		}
	}

	/** The external broker closes a revoked device's session (remove it there); its messages are dropped here meanwhile. */
	@Override
	public void disconnect(String login) {
		log.info("Farm device {} revoked: remove it from the external broker too (docs/operations.md)", login);
	}

	@Override
	public void destroy() {
		stopped = true;
		MqttAsyncClient c;
		synchronized (this) {
			c = client;
			client = null;
		}
		if (c != null) {
			try {
				if (c.isConnected()) {
					c.disconnect(5_000).waitForCompletion(5_000);
				}
				c.close(true);
			}
			catch (MqttException e) {
				log.warn("Farm broker client did not close cleanly: {}", e.toString());
			}
		}
	}

	private static SSLContext tls(Path caFile) {
		try (InputStream in = Files.newInputStream(caFile)) {
			var store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int n = 0;
			for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca" + n++, cert);
			}
			var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			var context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("The broker's CA file " + caFile + " could not be read", e);
		}
	}
}
