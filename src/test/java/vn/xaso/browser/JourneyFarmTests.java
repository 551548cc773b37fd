package vn.xaso.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.farm.Device;
import vn.xaso.farm.internal.FakeDevice;
import vn.xaso.farm.internal.FarmDashboard;
import vn.xaso.farm.internal.FarmFixture;
import vn.xaso.farm.internal.KeepingSchedules;
import vn.xaso.farm.internal.ProvisioningDevices;
import vn.xaso.farm.internal.ReceivingTelemetry;
import vn.xaso.farm.internal.WatchingThresholds;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 18's farmer on a 360-px phone, with and without JavaScript: from the workspace, by visible links only, to
 * their farm; the latest values and the high-temperature alarm are there, they acknowledge it, turn the fan on and see
 * the command pending — the fan (a real MQTT 5 client) answers — then done; the feeding schedule is on the page.
 */
@XasoIntegrationTest
class JourneyFarmTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@RegisterExtension
	static final BrowserSupport plain = BrowserSupport.withoutJavaScript();

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theFarmerAcknowledgesTheAlarmAndTurnsTheFanOnFromAPhone() throws Exception {
		walk(browser, "farm-phone");
	}

	@Test
	void theFarmerAcknowledgesTheAlarmAndTurnsTheFanOnFromAPhoneWithoutJavaScript() throws Exception {
		walk(plain, "farm-phone-nojs");
	}

	private void walk(BrowserSupport phone, String name) throws Exception {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại lợn Vân Sơn");
		var farmName = yenMo(() -> context.getBean(FarmDashboard.class).farm(FarmFixture.HTX, farm).name());
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 5");
		var fan = fixture.device(farm, Device.Kind.FAN, "Quạt chuồng 5");
		var feeder = fixture.device(farm, Device.Kind.FEEDER, "Máy cho ăn chuồng 1–20");
		var schedules = context.getBean(KeepingSchedules.class);
		long schedule = yenMo(() -> {
			context.getBean(WatchingThresholds.class).addRule(FarmFixture.HTX, farm,
					new WatchingThresholds.Input(String.valueOf(sensor.device().id()), "temperature", "ABOVE", "32", "30", "0"));
			return schedules.create(FarmFixture.HTX, farm,
					new KeepingSchedules.Input(String.valueOf(feeder.device().id()), "FEED_NOW", "06:00, 11:00, 17:00"));
		});
		context.getBean(ReceivingTelemetry.class).receive(sensor.device(),
				"{\"temperature\": 34.5, \"humidity\": 82}".getBytes(StandardCharsets.UTF_8));
		try (var device = FakeDevice.connect(context, fan)) {
			var walk = Journey.start(phone, name, "/signin");
			JourneyOfficialDossierTests.signIn(walk, "yenmo.htx");
			walk.click("Trang trại");
			walk.click(farmName);
			assertThat(walk.text()).contains("34.5", "82", "Đang báo", "Máy cho ăn chuồng 1–20", "Lúc 06:00, 11:00, 17:00 mỗi ngày");
			walk.click("Tôi đã biết");
			assertThat(walk.text()).contains("Đã ghi nhận bạn đã biết cảnh báo").doesNotContain("Đang báo");
			walk.choose("Thiết bị", "Quạt chuồng 5");
			walk.choose("Lệnh", "Bật quạt");
			walk.click("Gửi lệnh");
			assertThat(walk.text()).contains("Bật quạt · Quạt chuồng 5 · Đang chờ");
			var received = device.await(1, Duration.ofSeconds(20));
			assertThat(received).singleElement().asString().contains("FAN_ON");
			long command = FakeDevice.id(received.getFirst());
			device.answer(command, true, "quat dang chay");
			waitUntilDone(command);
			walk.click("Xem trạng thái lệnh mới nhất");
			assertThat(walk.text()).contains("Bật quạt · Quạt chuồng 5 · Đã làm");
			walk.click("Xem biểu đồ số đo");
			assertThat(walk.text()).contains("Cảm biến chuồng 5 · temperature", "Cảm biến chuồng 5 · humidity");
			if (phone == browser) {
				chartsDrawnAndLive(phone, sensor);
			}
			else {
				assertThat(walk.text()).as("without script the figures are a table").contains("34.5", "82");
			}
			walk.assertScreensAtMost(8);
		}
		finally {
			Tenancy.runAs(UnitScope.of(FarmFixture.YEN_MO), () -> schedules.stop(FarmFixture.HTX, farm, schedule));
		}
	}

	/** With script: each key's chart drawn from its table (folded away), and a reading sent over MQTT added live. */
	private void chartsDrawnAndLive(BrowserSupport phone, ProvisioningDevices.NewDevice sensor) throws Exception {
		var js = (org.openqa.selenium.JavascriptExecutor) phone.driver();
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (((Number) js.executeScript("return document.querySelectorAll('.chart canvas').length")).intValue() < 2) {
			assertThat(System.nanoTime()).as("both charts drawn within 20 s").isLessThan(until);
			Thread.sleep(100);
		}
		assertThat(js.executeScript("return document.querySelector('details.farm-table').open")).isEqualTo(false);
		try (var device = FakeDevice.connect(context, sensor)) {
			// the stream is open once the page said so; a reading published now appears in the table and the chart
			while (!Boolean.TRUE.equals(js.executeScript("return document.getElementById('farm-live').hasAttribute('data-ready')"))) {
				assertThat(System.nanoTime()).as("the stream said ready within 20 s").isLessThan(until);
				Thread.sleep(50);
			}
			device.telemetry("{\"temperature\": 36.75}");
			while (!String.valueOf(js.executeScript("return document.querySelector('table[data-key=\"temperature\"]').textContent")).contains("36.75")) {
				assertThat(System.nanoTime()).as("the reading shown live within 20 s").isLessThan(until + Duration.ofSeconds(20).toNanos());
				Thread.sleep(100);
			}
		}
	}

	private <T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), work);
	}

	private void waitUntilDone(long command) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!"DONE".equals(Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select status from farm_command where id = ?").param(command).query(String.class).single())))) {
			assertThat(System.nanoTime()).as("the fan's answer stored within 20 s").isLessThan(until);
			Thread.sleep(50);
		}
	}
}
