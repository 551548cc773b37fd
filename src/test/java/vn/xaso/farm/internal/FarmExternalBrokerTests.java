package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.xaso.farm.Device;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The farm through an external broker ({@code xaso.farm.broker.mode=external}): Debian's Mosquitto started here on a
 * free port with the password file and ACL of docs/operations.md, the platform's client ({@link ExternalBroker})
 * subscribed to Yên Mô's topics. A sensor publishes through Mosquitto → the reading is stored; a fan-on command goes
 * out through Mosquitto and the fan's answer makes it DONE; Mosquitto restarted → the platform reconnects, subscribes
 * again and the next reading is stored. Without Debian's {@code mosquitto} these tests fail, on purpose.
 */
@XasoIntegrationTest
class FarmExternalBrokerTests {

	static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
	static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	Process mosquitto;
	ExternalBroker platform;

	@AfterEach
	void stop() {
		if (platform != null) {
			platform.destroy();
		}
		if (mosquitto != null) {
			mosquitto.destroy();
		}
	}

	static void needMosquitto() {
		if (!Files.isExecutable(MOSQUITTO) || !Files.isExecutable(PASSWD)) {
			fail("These tests need Debian's mosquitto at " + MOSQUITTO + " and " + PASSWD
					+ " (apt-get install mosquitto, or run ./xaso test which installs it). They are not skipped on purpose.");
		}
	}

	void passwd(String user, String password) throws Exception {
		var process = new ProcessBuilder(PASSWD.toString(), "-b", dir.resolve("passwd").toString(), user, password)
			.redirectErrorStream(true).start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
	}

	/** The ACL lines of docs/operations.md for one device: its own telemetry and ack, its own commands. */
	static String acl(Device device) {
		return """
				user d%d
				topic write %s
				topic write %s
				topic read %s
				""".formatted(device.id(), device.telemetryTopic(), device.ackTopic(), device.commandTopic());
	}

	void startMosquitto(int port) throws Exception {
		mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", dir.resolve("mosquitto.conf").toString())
			.redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
		long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < end) {
			try (var socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException e) {
				Thread.sleep(50);
			}
		}
		fail("Mosquitto did not listen on " + port + ":\n" + Files.readString(dir.resolve("mosquitto.log")));
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void devicesTalkThroughMosquittoAndThePlatformResumesAfterItsRestart() throws Exception {
		needMosquitto();
		var fixture = new FarmFixture(context);
		var sql = new FarmSql(context);
		long farm = fixture.farm("Trại qua máy chủ tỉnh");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng tỉnh");
		var fan = fixture.device(farm, Device.Kind.FAN, "Quạt chuồng tỉnh");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String platformUser = "xaso-" + run;
		String platformPassword = UUID.randomUUID().toString();
		Files.writeString(dir.resolve("passwd"), "");
		passwd(platformUser, platformPassword);
		passwd(sensor.login(), sensor.secret());
		passwd(fan.login(), fan.secret());
		Files.writeString(dir.resolve("acl"), """
				user %s
				topic read xaso/+/farm/+/device/+/telemetry
				topic read xaso/+/farm/+/device/+/ack
				topic write xaso/+/farm/+/device/+/commands

				%s
				%s""".formatted(platformUser, acl(sensor.device()), acl(fan.device())));
		int port = freePort();
		Files.writeString(dir.resolve("mosquitto.conf"), """
				user root
				listener %d 127.0.0.1
				allow_anonymous false
				password_file %s
				acl_file %s
				max_packet_size 65536
				persistence false
				log_dest stdout
				""".formatted(port, dir.resolve("passwd"), dir.resolve("acl")));
		startMosquitto(port);

		String url = "tcp://127.0.0.1:" + port;
		platform = new ExternalBroker(context.getBean(BrokerGate.class), new ExternalBrokerConfig.Settings(url, platformUser,
				platformPassword, "xaso-platform-" + run, "", List.of(FarmFixture.YEN_MO), "xaso-farm-" + run));
		platform.start();
		assertThat(FarmSql.eventually(platform::connected, c -> c)).as("the platform signed in to Mosquitto").isTrue();

		long sensorId = sensor.device().id();
		try (var device = FakeDevice.connect(url, sensor)) {
			Thread.sleep(300); // the platform's subscription is confirmed right after its connection
			assertThat(device.publish("{\"temperature\": 27.5}")).isLessThan(0x80);
			assertThat(FarmSql.eventually(() -> sql.readings(sensorId), n -> n == 1)).as("stored through Mosquitto").isEqualTo(1);
		}

		var commands = new SendingCommands(context.getBean(CommandTable.class), context.getBean(DeviceTable.class),
				context.getBean(FarmAccess.class), platform, context.getBean(FarmWork.class), Duration.ofSeconds(60));
		try (var device = FakeDevice.connect(url, fan)) {
			long command = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> commands.send(FarmFixture.HTX, farm,
					new SendingCommands.Input(String.valueOf(fan.device().id()), "FAN_ON")));
			var received = device.await(1, Duration.ofSeconds(20));
			assertThat(received).as("the fan got the command through Mosquitto").singleElement().asString().contains("FAN_ON");
			device.answer(FakeDevice.id(received.getFirst()), true, "quat da bat");
			assertThat(FarmSql.eventually(() -> sql.commandStatus(command), "DONE"::equals)).isEqualTo("DONE");
		}

		mosquitto.destroy();
		assertThat(mosquitto.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(FarmSql.eventually(platform::connected, c -> !c)).as("the platform saw the broker go").isFalse();
		startMosquitto(port);
		assertThat(FarmSql.eventually(platform::connected, c -> c)).as("and came back on its own").isTrue();
		try (var device = FakeDevice.connect(url, sensor)) {
			Thread.sleep(300);
			device.publish("{\"temperature\": 28}");
			assertThat(FarmSql.eventually(() -> sql.readings(sensorId), n -> n == 2)).as("subscribed again after the restart")
				.isEqualTo(2);
		}
	}
}
