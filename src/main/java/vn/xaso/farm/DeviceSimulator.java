package vn.xaso.farm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar xaso.jar simulate-devices --broker=tcp://host:1883 --devices=devices.csv}: N farm devices over
 * real MQTT 5, each with its own credentials from the file {@code provision-devices} wrote; each publishes telemetry
 * (temperature, humidity) at {@code --rate} messages per second and answers every command on its ack topic with
 * {@code ok: true}; counts are printed every {@code --report} seconds and at the end ({@code TOTAL ...}). Runs
 * without Spring or a database (docs/modules/farm.md, "Simulator").
 */
public final class DeviceSimulator {

	static final String USAGE = """
			usage: xaso simulate-devices --broker=tcp://127.0.0.1:1883 --devices=devices.csv [options]
			  --broker=URL        tcp://, ws://host:port/mqtt, ssl:// or wss://
			  --devices=FILE      the CSV provision-devices wrote (login,secret,telemetry_topic,command_topic,ack_topic)
			  --count=N           the first N devices of the file (default: all)
			  --rate=R            telemetry messages per second per device (default 1)
			  --duration=S        seconds to run after all are connected (default 60; 0: until stopped)
			  --report=S          seconds between count lines (default 10)
			  --hot-every=N       every Nth message of a device carries 35 degrees (alarm probe; default 0: never)
			  --mode=telemetry    or raw: each device publishes as fast as the broker acknowledges (one in flight) a
			                      message to its own ack topic that is not a command answer (nothing is stored)
			  --truststore=FILE --truststore-password=PW   certificates to trust for ssl:// and wss:// (PKCS12)
			""";

	private final Map<String, String> options;
	private final SimulatedDevice.Counters counters = new SimulatedDevice.Counters();

	private DeviceSimulator(Map<String, String> options) {
		this.options = options;
	}

	/** The command's entry point; the exit code (0: every device connected and no publish failed). */
	public static int run(String[] args) {
		var options = new HashMap<String, String>();
		for (var arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				System.err.print(USAGE);
				return 2;
			}
			options.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		if (!options.containsKey("broker") || !options.containsKey("devices")) {
			System.err.print(USAGE);
			return 2;
		}
		try {
			return new DeviceSimulator(options).simulate();
		}
		catch (IOException | GeneralSecurityException | MqttException | RuntimeException e) {
			System.err.println("simulate-devices: " + e.getMessage());
			return 1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/** The devices of a CSV file written by provision-devices (a header line first). */
	public static List<SimulatedDevice.Credentials> read(Path file) throws IOException {
		var devices = new ArrayList<SimulatedDevice.Credentials>();
		for (var line : Files.readAllLines(file)) {
			var cells = line.strip().split(",");
			if (cells.length == 5 && !cells[0].equals("login")) {
				devices.add(new SimulatedDevice.Credentials(cells[0], cells[1], cells[2], cells[3], cells[4]));
			}
		}
		return devices;
	}

	private int simulate() throws IOException, GeneralSecurityException, MqttException, InterruptedException {
		var all = read(Path.of(options.get("devices")));
		int count = Math.min(integer("count", all.size()), all.size());
		double rate = Double.parseDouble(options.getOrDefault("rate", "1"));
		int duration = integer("duration", 60);
		int report = Math.max(1, integer("report", 10));
		int hotEvery = integer("hot-every", 0);
		boolean raw = "raw".equals(options.getOrDefault("mode", "telemetry"));
		var sockets = sockets();
		// Paho's reader, writer and callback of every client, and its pings, on virtual threads.
		var executor = new ScheduledThreadPoolExecutor(4 * count + 16, Thread.ofVirtual().name("sim-", 0).factory());
		var devices = new ArrayList<SimulatedDevice>();
		for (var credentials : all.subList(0, count)) {
			devices.add(new SimulatedDevice(options.get("broker"), credentials, counters, executor));
		}
		long started = System.nanoTime();
		int connected = connectAll(devices, sockets);
		System.out.printf("connected %d of %d devices to %s in %d ms%n", connected, count, options.get("broker"),
				(System.nanoTime() - started) / 1_000_000);
		var ticker = new ScheduledThreadPoolExecutor(2);
		long period = Math.max(1, Math.round(1_000_000 / rate));
		var running = new java.util.concurrent.atomic.AtomicBoolean(true);
		for (var device : devices) {
			if (!device.connected()) {
				continue;
			}
			if (raw) {
				Thread.ofVirtual().start(() -> {
					while (running.get() && device.rawBlocking()) {
						Thread.onSpinWait();
					}
				});
			}
			else {
				var n = new AtomicInteger();
				ticker.scheduleAtFixedRate(() -> device.telemetry(hotEvery > 0 && n.incrementAndGet() % hotEvery == 0),
						ThreadLocalRandom.current().nextLong(period), period, TimeUnit.MICROSECONDS);
			}
		}
		long begin = System.nanoTime();
		long last = begin;
		long lastAcked = 0;
		while (duration == 0 || System.nanoTime() - begin < duration * 1_000_000_000L) {
			long sleep = Math.min(report * 1000L, duration == 0 ? report * 1000L
					: Math.max(1, (begin + duration * 1_000_000_000L - System.nanoTime()) / 1_000_000));
			Thread.sleep(sleep);
			long now = System.nanoTime();
			long acked = counters.acked().get();
			System.out.printf("t=%ds %s acked/s=%.1f%n", (now - begin) / 1_000_000_000L, counts(),
					(acked - lastAcked) / ((now - last) / 1e9));
			last = now;
			lastAcked = acked;
		}
		running.set(false);
		ticker.shutdownNow();
		Thread.sleep(1000); // the last acknowledgements
		double seconds = (System.nanoTime() - begin) / 1e9;
		System.out.printf("TOTAL devices=%d connected=%d seconds=%.1f %s acked_per_s=%.1f%n", count, connected, seconds, counts(),
				counters.acked().get() / seconds);
		devices.forEach(SimulatedDevice::close);
		executor.shutdownNow();
		return connected == count && counters.failed().get() == 0 ? 0 : 1;
	}

	private String counts() {
		return "published=%d acked=%d failed=%d busy=%d commands_answered=%d disconnected=%d".formatted(counters.published().get(),
				counters.acked().get(), counters.failed().get(), counters.busy().get(), counters.commands().get(), counters.lost().get());
	}

	/** Connects the devices, 32 at a time (a thousand sign-ins at once would only queue in the broker). */
	private static int connectAll(List<SimulatedDevice> devices, @Nullable SocketFactory sockets) throws InterruptedException {
		var gate = new Semaphore(32);
		var connected = new AtomicInteger();
		var threads = new ArrayList<Thread>();
		for (var device : devices) {
			gate.acquire();
			threads.add(Thread.ofVirtual().start(() -> {
				try {
					if (device.connect(sockets)) {
						connected.incrementAndGet();
					}
				}
				finally {
					gate.release();
				}
			}));
		}
		for (var thread : threads) {
			thread.join();
		}
		return connected.get();
	}

	private @Nullable SocketFactory sockets() throws IOException, GeneralSecurityException {
		var path = options.get("truststore");
		if (path == null) {
			return null;
		}
		var store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(path))) {
			store.load(in, options.getOrDefault("truststore-password", "").toCharArray());
		}
		var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		var tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		return tls.getSocketFactory();
	}

	private int integer(String name, int fallback) {
		var value = options.get(name);
		return value == null ? fallback : Integer.parseInt(value);
	}
}
