package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.farm.Device;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.insights.internal.Facts;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The farm's charts page without JavaScript (a table per device and key, readings or hourly roll-ups), its live
 * stream (a reading published over MQTT reaches the owner's open stream; another farmer gets 404, staff 403; a fifth
 * stream of one user ends the oldest), and the farm figures of insights (kept counters equal to the farm tables' recount,
 * on the commune dashboard).
 */
@XasoIntegrationTest
class FarmLiveTests {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ReceivingTelemetry telemetry;

	@Autowired
	Facts facts;

	@Test
	void theChartsPageShowsEachKeyAsATableOfReadingsOrHoursWithoutScript() {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại lợn có biểu đồ");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng biểu đồ");
		var hourAgo = Instant.now().minus(Duration.ofMinutes(70)).truncatedTo(ChronoUnit.SECONDS);
		var twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		receive(sensor, "[{\"ts\": " + hourAgo.toEpochMilli() + ", \"temperature\": 30.25}, {\"ts\": " + hourAgo.plusSeconds(60).toEpochMilli()
				+ ", \"temperature\": 31.75, \"humidity\": 70}]");
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);

		var day = htx.get("/farm/" + farm + "/charts");
		assertThat(day.statusCode()).isEqualTo(200);
		assertThat(day.body()).contains("Cảm biến chuồng biểu đồ · temperature").contains("Cảm biến chuồng biểu đồ · humidity")
			.contains(">30.25</td>").contains(">31.75</td>").contains(FarmCharts.time(hourAgo, false))
			.contains("data-events=\"/farm/" + farm + "/events\"").contains("echarts.simple.min");
		assertThat(htx.get("/farm/" + farm).body()).as("the farm page links to its charts").contains("/farm/" + farm + "/charts");

		// two days ago: outside the last 24 hours, inside the week, by hour (count, least, mean, greatest)
		var imported = "device,key,time,value\n" + Device.login(sensor.device().id()) + ",temperature," + twoDaysAgo.atZone(VN).toOffsetDateTime()
				+ ",20\n" + Device.login(sensor.device().id()) + ",temperature," + twoDaysAgo.plusSeconds(600).atZone(VN).toOffsetDateTime() + ",25\n";
		assertThat(htx.upload("/farm/" + farm + "/import", Map.of(), "file", "cu.csv", imported.getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(302);
		assertThat(htx.get("/farm/" + farm + "/charts?range=day").body()).doesNotContain(FarmCharts.time(twoDaysAgo, false));
		var week = htx.get("/farm/" + farm + "/charts?range=week").body();
		assertThat(week).contains("<th scope=\"row\">" + FarmCharts.time(twoDaysAgo, true) + "</th><td>2</td><td data-v=\"20.0\">20</td>"
				+ "<td data-v=\"22.5\">22.5</td><td data-v=\"25.0\">25</td>");
		assertThat(htx.get("/farm/" + farm + "/charts?range=nonsense").body()).as("anything else: the last 24 hours").contains(">31.75</td>");

		var other = new WebSession(port).signInOfficial(fixture.farmer(), FarmFixture.PASSWORD);
		assertThat(other.get("/farm/" + farm + "/charts").statusCode()).isEqualTo(404);
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/farm/" + farm + "/charts").statusCode()).isEqualTo(403);
	}

	@Test
	void aReadingPublishedOverMqttReachesTheOwnersStreamOnlyAndAnotherFarmerGets404() throws Exception {
		var fixture = new FarmFixture(context);
		var farmer = fixture.farmer(); // a farmer of its own: no other test's pages share this user's streams
		long farm = fixture.farm("Trại lợn trực tiếp", farmer);
		long elsewhere = fixture.farm("Trại lợn bên cạnh");
		var sensor = device(farmer, farm, "Cảm biến trực tiếp");
		var neighbour = fixture.device(elsewhere, Device.Kind.SENSOR, "Cảm biến bên cạnh");
		var cookie = new WebSession(port).signInOfficial(farmer, FarmFixture.PASSWORD).cookie("JSESSIONID").orElseThrow();
		var client = HttpClient.newHttpClient();
		var lines = new CopyOnWriteArrayList<String>();
		var response = client.send(stream(farm, cookie), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		var reader = Thread.ofVirtual().start(() -> read(response.body(), lines));
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
			try (var device = FakeDevice.connect(context, sensor); var other = FakeDevice.connect(context, neighbour)) {
				publish(other, "{\"temperature\": 55.5}");
				publish(device, "{\"temperature\": 33.5, \"humidity\": 81}");
				await().atMost(Duration.ofSeconds(20))
					.until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"key\":\"humidity\"")));
			}
			var data = lines.stream().filter(l -> l.startsWith("data:{")).toList();
			assertThat(data).anySatisfy(l -> assertThat(l).contains("\"device\":" + sensor.device().id()).contains("\"key\":\"temperature\"")
				.contains("\"value\":33.5").contains("\"text\":\"33.5\""));
			assertThat(data).as("nothing of the farm next door").noneMatch(l -> l.contains("55.5") || l.contains("\"device\":" + neighbour.device().id()));
		}
		finally {
			response.body().close();
			reader.join(5000);
		}

		var other = new WebSession(port).signInOfficial(fixture.farmer(), FarmFixture.PASSWORD);
		var refused = client.send(stream(farm, other.cookie("JSESSIONID").orElseThrow()), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain("33.5");
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(client.send(stream(farm, staff.cookie("JSESSIONID").orElseThrow()), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aUserHoldsAtMostFourStreamsAFifthEndsTheOldest() throws Exception {
		var fixture = new FarmFixture(context);
		var farmer = fixture.farmer();
		long farm = fixture.farm("Trại lợn bốn trang", farmer);
		device(farmer, farm, "Cảm biến bốn trang");
		var cookie = new WebSession(port).signInOfficial(farmer, FarmFixture.PASSWORD).cookie("JSESSIONID").orElseThrow();
		var client = HttpClient.newHttpClient();
		var streams = new java.util.ArrayList<HttpResponse<InputStream>>();
		try {
			for (int i = 0; i < 5; i++) { // FarmStream.PER_USER + 1
				var r = client.send(stream(farm, cookie), HttpResponse.BodyHandlers.ofInputStream());
				assertThat(r.statusCode()).isEqualTo(200);
				streams.add(r);
			}
			var first = new CopyOnWriteArrayList<String>();
			var reader = Thread.ofVirtual().start(() -> read(streams.getFirst().body(), first));
			reader.join(Duration.ofSeconds(10));
			assertThat(reader.isAlive()).as("the oldest stream ended by the server").isFalse();
			assertThat(first).contains("event:ready", "event:replaced", "retry:600000");
			var second = new CopyOnWriteArrayList<String>();
			var open = Thread.ofVirtual().start(() -> read(streams.get(1).body(), second));
			open.join(Duration.ofMillis(500));
			assertThat(open.isAlive()).as("the others stay open").isTrue();
		}
		finally {
			for (var r : streams) {
				r.body().close();
			}
		}
	}

	@Test
	void theFarmFiguresAreKeptAsTheFarmTablesRecountThemAndShownOnTheCommuneDashboard() throws Exception {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại lợn số liệu xã");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến số liệu");
		var fan = fixture.device(farm, Device.Kind.FAN, "Quạt số liệu");
		// a day of its own, long ago but within the hourly roll-up's two years: readings imported there count on it
		var day = LocalDate.now(VN).minusDays(ThreadLocalRandom.current().nextInt(400, 700));
		var at = ZonedDateTime.of(day.atTime(7, ThreadLocalRandom.current().nextInt(60)), VN);
		var login = Device.login(sensor.device().id());
		var csv = "device,key,time,value\n" + login + ",temperature," + at.toOffsetDateTime() + ",28\n" + login + ",humidity,"
				+ at.toOffsetDateTime() + ",75\n" + login + ",temperature," + at.plusMinutes(30).toOffsetDateTime() + ",29\n";
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		assertThat(htx.upload("/farm/" + farm + "/import", Map.of(), "file", "nam-cu.csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(302);
		// today: readings (one repeated: counted once), an alarm raised and cleared, commands done, failed and timed out
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		receive(sensor, "{\"ts\": " + now.toEpochMilli() + ", \"temperature\": 40}");
		receive(sensor, "{\"ts\": " + now.toEpochMilli() + ", \"temperature\": 40}");
		var rules = context.getBean(WatchingThresholds.class);
		Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> {
			rules.addRule(FarmFixture.HTX, farm, new WatchingThresholds.Input(String.valueOf(sensor.device().id()), "temperature", "ABOVE", "32",
					"30", "0"));
			return null;
		});
		receive(sensor, "{\"temperature\": 41}");
		receive(sensor, "{\"temperature\": 25}");
		var commands = context.getBean(SendingCommands.class);
		long done = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> commands.send(FarmFixture.HTX, farm, new SendingCommands.Input(
				String.valueOf(fan.device().id()), "FAN_ON")));
		long failed = Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> commands.send(FarmFixture.HTX, farm, new SendingCommands.Input(
				String.valueOf(fan.device().id()), "FAN_OFF")));
		commands.answer(fan.device(), ("{\"command\": " + done + ", \"ok\": true}").getBytes(StandardCharsets.UTF_8));
		commands.answer(fan.device(), ("{\"command\": " + failed + ", \"ok\": false, \"note\": \"kẹt\"}").getBytes(StandardCharsets.UTF_8));
		Tenancy.runAs(UnitScope.of(FarmFixture.YEN_MO), () -> context.getBean(ProvisioningDevices.class).revoke(FarmFixture.HTX, farm,
				fan.device().id()));

		var today = LocalDate.now(VN);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Tenancy.callAs(UnitScope.systemWide(),
				() -> facts.sums(List.of(FarmFixture.YEN_MO), List.of(FarmMetrics.READINGS), day, day))).containsEntry(FarmMetrics.READINGS, 3L));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(day, day))).isEmpty();
			assertThat(Tenancy.callAs(UnitScope.systemWide(), () -> facts.check(today.minusDays(1), today))).isEmpty();
		});
		var kept = Tenancy.callAs(UnitScope.systemWide(), () -> facts.sums(List.of(FarmFixture.YEN_MO),
				List.copyOf(context.getBean(FarmMetrics.class).metrics()), today, today));
		assertThat(kept).containsKeys(FarmMetrics.FARMS, FarmMetrics.READINGS, FarmMetrics.ALARMS_RAISED, FarmMetrics.ALARMS_CLEARED,
				FarmMetrics.COMMANDS_DONE, FarmMetrics.COMMANDS_FAILED);

		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(admin.get("/insights/" + FarmFixture.YEN_MO).body()).contains("Trang trại đăng ký với xã").contains("Thiết bị trang trại đang dùng")
			.contains("Số đo thiết bị trang trại gửi về").contains("Lệnh điều khiển thiết bị làm được");
	}

	/** A sensor registered by the farm's own farmer. */
	private ProvisioningDevices.NewDevice device(String farmer, long farm, String name) {
		var owner = new OfficialPrincipal(0, farmer, "Lê Văn Trại", FarmFixture.YEN_MO, "Xã Yên Mô", Set.of(Role.PRODUCER),
				UnitScope.of(FarmFixture.YEN_MO));
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> context.getBean(ProvisioningDevices.class).register(owner, farm,
				new ProvisioningDevices.Input(Device.Kind.SENSOR.name(), name)));
	}

	private void receive(ProvisioningDevices.NewDevice device, String json) {
		assertThat(telemetry.receive(device.device(), json.getBytes(StandardCharsets.UTF_8))).as(json).isTrue();
	}

	private HttpRequest stream(long farm, String cookie) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/farm/" + farm + "/events"))
			.header("Cookie", "JSESSIONID=" + cookie).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build();
	}

	private static void publish(FakeDevice device, String json) throws Exception {
		device.telemetry(json);
	}

	private static void read(InputStream in, List<String> lines) {
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		catch (java.io.IOException e) {
			// the test closed the stream
		}
	}
}
