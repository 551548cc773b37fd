package vn.xaso.farm.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import vn.xaso.farm.Device;

/**
 * Where the broker meets the farm module. Sign-in: user name {@code d<id>}, the same client id, the device's secret.
 * Topics: a signed-in device may publish only to its own telemetry and ack topics and subscribe only to its own
 * command topic; anything else is refused and counted. Messages are handed to two worker threads (the broker's own
 * threads never wait for the database), each device always to the same one, so one device's messages are handled in
 * order; when a queue is full the broker's thread does the work itself, which slows the publishers down instead of
 * dropping readings.
 */
@Component
class BrokerGate implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BrokerGate.class);

	private final ProvisioningDevices provisioning;
	private final ReceivingTelemetry telemetry;
	private final SendingCommands commands;
	private final Map<String, Device> sessions = new ConcurrentHashMap<>();
	/** Two lanes, a device always in the same one: its messages are handled one at a time, in the order they came. */
	private final ThreadPoolExecutor[] lanes = { lane(0), lane(1) };
	private final AtomicLong refusedTopics = new AtomicLong();

	BrokerGate(ProvisioningDevices provisioning, ReceivingTelemetry telemetry, SendingCommands commands) {
		this.provisioning = provisioning;
		this.telemetry = telemetry;
		this.commands = commands;
	}

	/** A connecting client: accepted when the client id is the user name and the secret is the device's. */
	boolean signIn(String clientId, @Nullable String username, @Nullable String secret) {
		if (username == null || !username.equals(clientId)) {
			return false;
		}
		var device = provisioning.signIn(username, secret);
		device.ifPresent(d -> sessions.put(clientId, d));
		return device.isPresent();
	}

	void disconnected(String clientId) {
		sessions.remove(clientId);
	}

	boolean maySubscribe(String clientId, String topicFilter) {
		var device = sessions.get(clientId);
		return device != null && topicFilter.equals(device.commandTopic());
	}

	/** Whether the client may publish there; a refusal is counted for its device. */
	boolean mayPublish(String clientId, String topic) {
		var device = sessions.get(clientId);
		if (device != null && (topic.equals(device.telemetryTopic()) || topic.equals(device.ackTopic()))) {
			return true;
		}
		refusedTopics.incrementAndGet();
		if (device != null) {
			lane(device).execute(() -> telemetry.refusedTopic(device, topic));
		}
		return false;
	}

	/** The broker disconnected the client for a packet over its limit: counted TOO_BIG for its device. */
	void tooBig(String clientId) {
		var device = sessions.get(clientId);
		if (device != null) {
			lane(device).execute(() -> telemetry.refused(device, "TOO_BIG"));
		}
	}

	/**
	 * A publish arriving (HiveMQ calls its interceptors before the authorizers): a signed-in device's own telemetry or
	 * command answer is taken (true: not to be delivered to subscribers); anything else is left to the topic rules,
	 * which refuse and count it.
	 */
	boolean received(String clientId, String topic, byte[] payload) {
		var device = sessions.get(clientId);
		if (device == null || !(topic.equals(device.telemetryTopic()) || topic.equals(device.ackTopic()))) {
			return false;
		}
		take(device, topic, payload);
		return true;
	}

	/**
	 * A message from an external broker ({@link ExternalBroker}), which signed the device in and checked its topic
	 * against its ACL: the device is the one the topic names, if it exists, is not revoked and the topic is exactly its
	 * telemetry or ack topic (its commune and farm too); anything else is dropped. False when dropped.
	 */
	boolean fromBroker(String topic, byte[] payload) {
		var parts = topic.split("/", -1);
		if (parts.length != 7 || !parts[5].matches("[1-9][0-9]{0,17}")) {
			return false;
		}
		var device = provisioning.current(Long.parseLong(parts[5]));
		if (device.isEmpty() || !(topic.equals(device.get().telemetryTopic()) || topic.equals(device.get().ackTopic()))) {
			log.warn("Farm message from the broker on {} dropped: no such device there", topic.length() > 200 ? topic.substring(0, 200) : topic);
			return false;
		}
		take(device.get(), topic, payload);
		return true;
	}

	private void take(Device device, String topic, byte[] payload) {
		lane(device).execute(() -> {
			try {
				Optional<Device> current = provisioning.current(device.id());
				if (current.isEmpty()) {
					return; // revoked since it connected
				}
				if (topic.equals(device.telemetryTopic())) {
					telemetry.receive(current.get(), payload);
				}
				else if (topic.equals(device.ackTopic())) {
					commands.answer(current.get(), payload);
				}
			}
			catch (RuntimeException e) {
				log.warn("Farm message of device {} on {} not handled", device.id(), topic, e);
			}
		});
	}

	boolean anyActiveDevice() {
		return provisioning.anyActive();
	}

	/** Publishes refused since the start (all devices), for the tests and the log. */
	long refusedTopics() {
		return refusedTopics.get();
	}

	/** Waits until the queued messages were handled (tests, shutdown). */
	boolean drain(Duration most) {
		long end = System.nanoTime() + most.toNanos();
		while (System.nanoTime() < end) {
			if (java.util.Arrays.stream(lanes).allMatch(l -> l.getQueue().isEmpty() && l.getActiveCount() == 0)) {
				return true;
			}
			Thread.onSpinWait();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private ThreadPoolExecutor lane(Device device) {
		return lanes[(int) (device.id() % lanes.length)];
	}

	private static ThreadPoolExecutor lane(int n) {
		return new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(5_000), r -> {
			var t = new Thread(r, "farm-inbox-" + n);
			t.setDaemon(true);
			return t;
		}, new ThreadPoolExecutor.CallerRunsPolicy());
	}

	@Override
	public void destroy() {
		for (var lane : lanes) {
			lane.shutdown();
		}
		try {
			for (var lane : lanes) {
				lane.awaitTermination(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
