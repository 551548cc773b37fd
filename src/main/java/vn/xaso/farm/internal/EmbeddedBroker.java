package vn.xaso.farm.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;

/**
 * The MQTT 5 broker inside the instance: HiveMQ Community Edition in embedded mode, in memory (devices send again
 * what was not acknowledged), with XaSo's own sign-in and topic rules ({@link BrokerExtension}). It starts with the
 * first device: after the start-up when the instance has a device that is not revoked (on a thread of its own, so
 * the start-up does not wait), or when a device is registered — an instance without farms opens no MQTT port.
 * {@code xaso.farm.mqtt.enabled=false} keeps it off; {@code xaso.farm.broker.mode=external} replaces it by
 * {@link ExternalBroker} (docs/operations.md). Port 0: any free port.
 */
@Component
@ConditionalOnProperty(name = "xaso.farm.broker.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedBroker implements DeviceLink, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

	private final ObjectProvider<BrokerGate> gate;
	private final boolean enabled;
	private final int configuredPort;
	private final int websocketPort;
	private final String bindAddress;
	private final Path folder;
	private @Nullable EmbeddedHiveMQ hivemq;
	private @Nullable BrokerExtension extension;
	private int port = -1;

	EmbeddedBroker(ObjectProvider<BrokerGate> gate, @Value("${xaso.farm.mqtt.enabled:true}") boolean enabled,
			@Value("${xaso.farm.mqtt.port:1883}") int port, @Value("${xaso.farm.mqtt.websocket-port:-1}") int websocketPort,
			@Value("${xaso.farm.mqtt.bind-address:0.0.0.0}") String bindAddress, @Value("${xaso.data-dir:./data}") String dataDir) {
		this.gate = gate;
		this.enabled = enabled;
		this.configuredPort = port;
		this.websocketPort = websocketPort;
		this.bindAddress = bindAddress;
		this.folder = Path.of(dataDir, "mqtt").toAbsolutePath().normalize();
	}

	@EventListener(ApplicationReadyEvent.class)
	void startIfDevices() {
		if (!enabled) {
			return;
		}
		var starter = new Thread(() -> {
			try {
				if (gate.getObject().anyActiveDevice()) {
					start();
				}
			}
			catch (RuntimeException e) {
				log.error("The embedded MQTT broker did not start", e);
			}
		}, "farm-broker-start");
		starter.setDaemon(true);
		starter.start();
	}

	/** Runs after the device's commit: a broker that cannot start is logged, the device stays registered. */
	@Override
	public void deviceAdded() {
		if (!enabled) {
			return;
		}
		try {
			start();
		}
		catch (RuntimeException e) {
			log.error("The embedded MQTT broker did not start", e);
		}
	}

	/** Starts the broker once; later calls return at once. */
	synchronized void start() {
		if (hivemq != null) {
			return;
		}
		port = configuredPort == 0 ? freePort() : configuredPort;
		int ws = websocketPort == 0 ? freePort() : websocketPort;
		long started = System.nanoTime();
		try {
			var conf = Files.createDirectories(folder.resolve("conf"));
			Files.writeString(conf.resolve("config.xml"), BrokerConfig.xml(bindAddress, port, ws));
			var ext = new BrokerExtension(gate.getObject());
			var broker = EmbeddedHiveMQ.builder().withConfigurationFolder(conf)
				.withDataFolder(Files.createDirectories(folder.resolve("data")))
				.withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
				.withEmbeddedExtension(EmbeddedExtension.builder().withId("xaso-farm").withName("XaSo farm devices").withVersion("1")
					.withPriority(1000).withStartPriority(1000).withAuthor("XaSo").withExtensionMain(ext).build())
				.build();
			broker.start().get(60, TimeUnit.SECONDS);
			hivemq = broker;
			extension = ext;
			log.info("Embedded MQTT broker (HiveMQ CE) listening on {}:{}{} in {} ms", bindAddress, port,
					ws > 0 ? ", WebSocket " + ws + " /mqtt" : "", (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("The embedded MQTT broker did not start on port " + port, e);
		}
	}

	boolean running() {
		return hivemq != null;
	}

	/** The TCP port the broker listens on (-1 before it started). */
	int port() {
		return port;
	}

	@Override
	public boolean send(String topic, byte[] payload) {
		var ext = extension;
		if (ext == null) {
			return false;
		}
		ext.publish(topic, payload);
		return true;
	}

	@Override
	public void disconnect(String login) {
		var ext = extension;
		if (ext != null) {
			ext.disconnect(login);
		}
	}

	@Override
	public synchronized void destroy() {
		if (hivemq != null) {
			try {
				hivemq.stop().get(30, TimeUnit.SECONDS);
				hivemq.close();
			}
			catch (Exception e) {
				log.warn("The embedded MQTT broker did not stop cleanly", e);
			}
			hivemq = null;
			extension = null;
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
