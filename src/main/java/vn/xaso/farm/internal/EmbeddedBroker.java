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
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;

/**
 * The MQTT 5 broker inside the instance: HiveMQ Community Edition in embedded mode, in memory (devices send again
 * what was not acknowledged), with XaSo's own sign-in and topic rules ({@link BrokerExtension}). It starts with the
 * first device: after the start-up when the instance has a device that is not revoked (on a thread of its own, so
 * the start-up does not wait), or when a device is registered — an instance without farms opens no MQTT port.
 * {@code xaso.farm.mqtt.enabled=false} keeps it off; {@code xaso.farm.broker.mode=external} replaces it by
 * {@link ExternalBroker} (docs/operations.md); the listeners (TCP, WebSocket, TLS) are {@link BrokerConfig}'s
 * settings. Port 0: any free port.
 */
@Component
@ConditionalOnProperty(name = "xaso.farm.broker.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedBroker implements DeviceLink, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

	private final ObjectProvider<BrokerGate> gate;
	private final boolean enabled;
	private final BrokerConfig config;
	private final Path folder;
	private @Nullable EmbeddedHiveMQ hivemq;
	private @Nullable BrokerExtension extension;
	private volatile BrokerConfig listening;

	EmbeddedBroker(ObjectProvider<BrokerGate> gate, Environment env) {
		this.gate = gate;
		// The jar's commands other than serve set it false (XasoApplication): provision-devices opens no port.
		this.enabled = env.getProperty("xaso.farm.mqtt.enabled", Boolean.class, true);
		this.config = BrokerConfig.of(env);
		this.listening = config.withPorts(-1, -1, -1);
		this.folder = Path.of(env.getProperty("xaso.data-dir", "./data"), "mqtt").toAbsolutePath().normalize();
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
		config.check();
		var chosen = config.withPorts(config.tcp() ? pick(config.port()) : -1, pick(config.websocketPort()), pick(config.tlsPort()));
		long started = System.nanoTime();
		try {
			var conf = Files.createDirectories(folder.resolve("conf"));
			Files.writeString(conf.resolve("config.xml"), chosen.xml());
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
			listening = chosen;
			log.info("Embedded MQTT broker (HiveMQ CE) listening on {}: TCP {}, WebSocket {} /mqtt, TLS {} (-1: off) in {} ms",
					chosen.bindAddress(), chosen.port(), chosen.websocketPort(), chosen.tlsPort(), (System.nanoTime() - started) / 1_000_000);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException("The embedded MQTT broker did not start on ports " + chosen.port() + "/"
					+ chosen.websocketPort() + "/" + chosen.tlsPort(), e);
		}
	}

	boolean running() {
		return hivemq != null;
	}

	/** The TCP port the broker listens on (-1 before it started or when MQTT over TCP is off). */
	int port() {
		return listening.port();
	}

	/** The WebSocket port ({@code /mqtt}; -1 when off or before the start). */
	int websocketPort() {
		return listening.websocketPort();
	}

	/** The TLS port (-1 when off or before the start). */
	int tlsPort() {
		return listening.tlsPort();
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

	private static int pick(int setting) {
		return setting == 0 ? freePort() : setting;
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
