package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.farm.Device;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The farm pages over HTTP without JavaScript: staff register a farm and see counts only; the farmer's dashboard
 * shows the latest values as a table, adds a device (its secret shown once, not kept), sends a command; another
 * farmer of the same commune, and staff, find nothing of the farm and change nothing.
 */
@XasoIntegrationTest
class FarmWebTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	static long farm;
	static long fan;
	static String otherFarmer;

	@BeforeAll
	static void farm(@Autowired ApplicationContext context, @Autowired ReceivingTelemetry telemetry) {
		var fixture = new FarmFixture(context);
		farm = fixture.farm("Trại lợn Đồng Tâm");
		var sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng 2");
		fan = fixture.device(farm, Device.Kind.FAN, "Quạt chuồng 2").device().id();
		telemetry.receive(sensor.device(), "{\"temperature\": 28.5, \"humidity\": 77}".getBytes(StandardCharsets.UTF_8));
		otherFarmer = fixture.farmer();
	}

	@Test
	void theFarmerSeesLatestValuesAddsADeviceAndSendsACommand() {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		assertThat(htx.get("/farm").body()).contains("/farm/" + farm);
		var page = htx.get("/farm/" + farm);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<table>").contains("temperature").contains("28.5").contains("Cảm biến chuồng 2");
		var created = htx.post("/farm/" + farm + "/devices", Map.of("kind", "FEEDER", "name", "Máy cho ăn chuồng 2"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		var secret = created.body().replaceAll("(?s).*" + "Mật khẩu</dt><dd><code>([A-Za-z0-9_-]+)</code>.*", "$1");
		assertThat(secret).hasSize(32);
		assertThat(htx.get("/farm/" + farm).body()).contains("Máy cho ăn chuồng 2").doesNotContain(secret);
		var refused = htx.post("/farm/" + farm + "/commands", Map.of("deviceId", String.valueOf(fan), "action", "FEED_NOW"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Thiết bị này không làm được lệnh đó");
		var sent = htx.post("/farm/" + farm + "/commands", Map.of("deviceId", String.valueOf(fan), "action", "FAN_ON"));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(htx.get("/farm/" + farm).body()).contains("Bật quạt").contains("Đang chờ");
	}

	@Test
	void theFarmerSetsAScheduleOnceEvenSubmittedTwiceSkipsADayStopsItAndSetsANoDataAlarm() {
		var fixture = new FarmFixture(context);
		long farm = fixture.farm("Trại lợn Đồng Tâm có lịch");
		var feeder = String.valueOf(fixture.device(farm, Device.Kind.FEEDER, "Máy cho ăn chuồng 1–20").device().id());
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		var path = "/farm/" + farm;
		assertThat(htx.get(path).body()).contains("Chưa có lịch nào.");
		var schedule = Map.of("deviceId", feeder, "action", "FEED_NOW", "times", "6h, 11h, 17h");
		assertThat(htx.post(path + "/schedules", schedule).statusCode()).isEqualTo(302);
		assertThat(htx.post(path + "/schedules", schedule).statusCode()).as("the same form sent twice").isEqualTo(302);
		var page = htx.get(path).body();
		assertThat(page.split("Lúc 06:00, 11:00, 17:00 mỗi ngày", -1)).as("one schedule").hasSize(2);
		var bad = htx.post(path + "/schedules", Map.of("deviceId", feeder, "action", "FEED_NOW", "times", "sáng sớm"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Nhập giờ chạy dạng 06:00, 11:00, 17:00.");
		var id = page.replaceAll("(?s).*action=\"" + path + "/schedules/([0-9]+)/skip\".*", "$1");
		var day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3);
		htx.get(path);
		assertThat(htx.post(path + "/schedules/" + id + "/skip", Map.of("day", day.toString())).statusCode()).isEqualTo(302);
		assertThat(htx.get(path).body()).contains("Bỏ qua các ngày:").contains(day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
		var twice = htx.post(path + "/schedules/" + id + "/skip", Map.of("day", day.toString()));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("Ngày này đã được bỏ qua rồi.");
		assertThat(htx.post(path + "/offline-rules", Map.of("deviceId", feeder, "minutes", "15")).statusCode()).isEqualTo(302);
		assertThat(htx.get(path).body()).contains("không gửi số đo trong 15 phút thì báo");
		var zero = htx.post(path + "/offline-rules", Map.of("deviceId", feeder, "minutes", "0"));
		assertThat(zero.statusCode()).isEqualTo(400);
		assertThat(zero.body()).contains("Số phút từ 1 đến 1440.");
		var other = new WebSession(port).signInOfficial(otherFarmer, FarmFixture.PASSWORD);
		assertThat(other.post(path + "/schedules/" + id + "/stop", Map.of()).statusCode()).isEqualTo(404);
		assertThat(htx.post(path + "/schedules/" + id + "/stop", Map.of()).statusCode()).isEqualTo(302);
		assertThat(htx.get(path).body()).contains("Đã dừng");
	}

	@Test
	void theFarmerDownloadsTheReadingsAsCsvEveryOneOrByHour() {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var base = "/farm/" + farm + "/export?from=" + today.minusDays(1) + "&to=" + today;
		var raw = htx.get(base + "&level=RAW");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
		assertThat(raw.body().lines().toList()).first().asString().endsWith("device,device_name,key,time,value");
		assertThat(raw.body()).containsPattern("d[0-9]+,Cảm biến chuồng 2,temperature,[0-9T:.-]+\\+07:00,28\\.5\r\n")
			.containsPattern(",humidity,[0-9T:.-]+\\+07:00,77\r\n");
		var hourly = htx.get(base + "&level=HOUR");
		assertThat(hourly.statusCode()).isEqualTo(200);
		assertThat(hourly.body()).contains("device,device_name,key,hour,count,least,greatest,mean")
			.containsPattern(",temperature,[0-9-]+T[0-9]{2}:00\\+07:00,1,28\\.5,28\\.5,28\\.5\r\n");
		var backwards = htx.get("/farm/" + farm + "/export?from=" + today + "&to=" + today.minusDays(1));
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
		var tooLong = htx.get("/farm/" + farm + "/export?from=" + today.minusDays(40) + "&to=" + today + "&level=RAW");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("chọn nhiều nhất 31 ngày");
		assertThat(htx.get("/farm/" + farm + "/export?from=yesterday&to=" + today).body()).contains("Nhập ngày dạng 31/12/2026.");
		var other = new WebSession(port).signInOfficial(otherFarmer, FarmFixture.PASSWORD);
		assertThat(other.get(base).statusCode()).isEqualTo(404);
	}

	@Test
	void theFarmerDownloadsTheSameReadingsAsAnExcelWorkbookWithTimesAndNumbersASpreadsheetCanUse() throws Exception {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		var today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		var base = "/farm/" + farm + "/export?from=" + today.minusDays(1) + "&to=" + today + "&format=XLSX";
		var raw = htx.getBytes(base + "&level=RAW");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(raw.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
		try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(raw.body()));
				var rows = book.getFirstSheet().openStream()) {
			var all = rows.toList();
			assertThat(all.get(0).getCells(0, 5).stream().map(c -> c.getText()).toList()).containsExactly("device", "device_name", "key", "time", "value");
			var temperature = all.stream().skip(1).filter(r -> r.getCellText(1).equals("Cảm biến chuồng 2") && r.getCellText(2).equals("temperature"))
				.findFirst().orElseThrow();
			assertThat(temperature.getCell(4).asNumber()).isEqualByComparingTo("28.5");
			assertThat(temperature.getCell(3).asDate().toLocalDate()).isBetween(today.minusDays(1), today);
		}
		var hourly = htx.getBytes(base + "&level=HOUR");
		assertThat(hourly.statusCode()).isEqualTo(200);
		try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(hourly.body()));
				var rows = book.getFirstSheet().openStream()) {
			var all = rows.toList();
			assertThat(all.get(0).getCellText(7)).isEqualTo("mean");
			assertThat(all.stream().skip(1).anyMatch(r -> r.getCellText(2).equals("temperature") && r.getCell(4).asNumber().intValue() == 1
					&& r.getCell(7).asNumber().compareTo(new java.math.BigDecimal("28.5")) == 0)).isTrue();
		}
		var tooLong = htx.get("/farm/" + farm + "/export?from=" + today.minusDays(40) + "&to=" + today + "&level=RAW&format=XLSX");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("chọn nhiều nhất 31 ngày");
		var other = new WebSession(port).signInOfficial(otherFarmer, FarmFixture.PASSWORD);
		assertThat(other.getBytes(base).statusCode()).isEqualTo(404);
	}

	@Test
	void anotherFarmerAndStaffFindNothingOfTheFarm() {
		var other = new WebSession(port).signInOfficial(otherFarmer, FarmFixture.PASSWORD);
		assertThat(other.get("/farm").body()).doesNotContain("/farm/" + farm);
		assertThat(other.get("/farm/" + farm).statusCode()).isEqualTo(404);
		assertThat(other.post("/farm/" + farm + "/commands", Map.of("deviceId", String.valueOf(fan), "action", "FAN_ON")).statusCode())
			.isEqualTo(404);
		assertThat(other.post("/farm/" + farm + "/devices", Map.of("kind", "FAN", "name", "Quạt lạ")).statusCode()).isEqualTo(404);
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(staff.get("/farm").body()).contains("Trại lợn Đồng Tâm");
		assertThat(staff.get("/farm/" + farm).statusCode()).isEqualTo(403);
	}

	@Test
	void staffRegisterAFarmOnlyForAProducerAccount() {
		var staff = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var refused = staff.post("/farm", Map.of("name", "Trại vịt Yên Thắng", "ownerUsername", "yenmo.chutich", "contactName",
				"Ông Thắng", "phone", "0912345678"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Không có tài khoản cơ sở sản xuất");
		var done = staff.post("/farm", Map.of("name", "Trại vịt Yên Thắng " + System.nanoTime(), "ownerUsername", otherFarmer,
				"contactName", "Ông Thắng", "phone", "0912 345 678"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signInOfficial(otherFarmer, FarmFixture.PASSWORD).get("/farm").body()).contains("Trại vịt Yên Thắng");
	}
}
