package vn.xaso.farm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.farm.Device;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 18, historical readings from a CSV file over HTTP as the farmer's upload form sends it: the export's own
 * columns and times, local Vietnam times, a semicolon file with decimal commas; readings already stored skipped, the
 * same file refused the second time, a reading older than the raw retention kept in the hourly roll-up; a file with
 * wrong rows refused row by row with nothing stored; not a CSV, not UTF-8, no header; another farmer gets 404.
 */
@XasoIntegrationTest
class FarmImportTests {

	static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	static long farm;
	static long sensor;
	static String otherFarmer;

	@BeforeAll
	static void farm(@Autowired ApplicationContext context) {
		var fixture = new FarmFixture(context);
		farm = fixture.farm("Trại gà Khánh Thượng nhập số cũ " + System.nanoTime() % 100_000);
		sensor = fixture.device(farm, Device.Kind.SENSOR, "Cảm biến chuồng úm").device().id();
		otherFarmer = fixture.farmer();
	}

	@Test
	void earlierReadingsComeInOnceFromTheExportsColumnsLocalTimesAndDecimalCommas() {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		var d = Device.login(sensor);
		var base = ZonedDateTime.now(VN).minusDays(3).withHour(8).withMinute(0).withSecond(0).withNano(0);
		var old = ZonedDateTime.now(VN).minusDays(120).withHour(9).withMinute(15).withSecond(0).withNano(0);
		var csv = "device,device_name,key,time,value\r\n"
				+ d + ",Cảm biến chuồng úm," + "temperature," + base.toOffsetDateTime() + ",31.5\r\n"
				+ d + ",," + "humidity," + LOCAL.format(base.plusMinutes(5)) + ",80\r\n"
				+ d + ",," + "temperature," + TYPED.format(old) + ",29\r\n";
		var first = upload(htx, csv);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(htx.get("/farm/" + farm).body()).contains("Đã nhập 3 số đo (0 số đo đã có từ trước nên bỏ qua).");
		assertThat(count()).isEqualTo(2); // of the last 30 days (the retention job may already have removed the raw one of 120 days ago)

		// The same file again: refused, nothing twice.
		var again = upload(htx, csv);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("Tệp này đã được nhập rồi");
		assertThat(count()).isEqualTo(2);

		// A spreadsheet set to Vietnamese saves semicolons and decimal commas; one reading of it is already stored.
		var overlapping = "device;key;time;value\r\n" + d + ";humidity;" + LOCAL.format(base.plusMinutes(5)) + ";80\r\n"
				+ d + ";humidity;" + LOCAL.format(base.plusMinutes(10)) + ";81,5\r\n";
		assertThat(upload(htx, overlapping).statusCode()).isEqualTo(302);
		assertThat(htx.get("/farm/" + farm).body()).contains("Đã nhập 1 số đo (1 số đo đã có từ trước nên bỏ qua).");
		assertThat(count()).isEqualTo(3);

		// The reading of 120 days ago is in the hourly roll-up, which the export by hour shows.
		var hourly = htx.get("/farm/" + farm + "/export?from=" + old.toLocalDate() + "&to=" + old.toLocalDate() + "&level=HOUR");
		assertThat(hourly.body()).contains(d + ",Cảm biến chuồng úm,temperature," + old.toLocalDate() + "T09:00+07:00,1,29,29,29");
		var raw = htx.get("/farm/" + farm + "/export?from=" + base.toLocalDate() + "&to=" + base.toLocalDate() + "&level=RAW");
		assertThat(raw.body()).contains(",humidity," + base.toLocalDate() + "T08:10:00.000+07:00,81.5");
	}

	@Test
	void aFileWithWrongRowsIsRefusedRowByRowAndNothingIsStored() {
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		var d = Device.login(sensor);
		var yesterday = LocalDate.now(VN).minusDays(1);
		long before = count();
		var csv = "device,key,time,value\n"
				+ d + ",temperature," + yesterday + " 07:00,30\n"
				+ "d999999999,temperature," + yesterday + " 07:00,30\n"
				+ d + ",temperature,hôm qua,30\n"
				+ d + ",temperature," + LocalDate.now(VN).plusDays(2) + " 07:00,30\n"
				+ d + ",temperature," + yesterday + " 07:05,nóng\n";
		var refused = upload(htx, csv);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Tệp có 4 dòng chưa đúng nên chưa nhập số đo nào")
			.contains("Dòng 3: trang trại không có thiết bị «d999999999»").contains("Dòng 4: giờ đo «hôm qua» chưa đúng dạng")
			.contains("Dòng 5: giờ đo ở tương lai.");
		assertThat(count()).isEqualTo(before);
		var english = htx.upload("/farm/" + farm + "/import?lang=en", Map.of(), "file", "so-do.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(english.body()).contains("4 rows of the file are wrong, so nothing was imported").contains("Row 3: the farm has no device");
		htx.get("/farm/" + farm + "?lang=vi");

		var png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
		assertThat(htx.upload("/farm/" + farm + "/import", Map.of(), "file", "so-do.csv", png).body())
			.contains("Tệp này không phải tệp CSV");
		// Saved by an old spreadsheet program in a one-byte encoding: "à" is byte E0, not UTF-8.
		var latin1 = ("device,device_name,key,time,value\n" + d + ",Chuồng gà,temperature," + yesterday + " 07:00,30\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(htx.upload("/farm/" + farm + "/import", Map.of(), "file", "so-do.csv", latin1).body()).contains("không phải mã UTF-8");
		assertThat(upload(htx, "thiết bị,giờ,số đo\nd1,07:00,30\n").body()).contains("Dòng đầu của tệp phải có tên các cột");
		assertThat(htx.post("/farm/" + farm + "/import", Map.of()).body()).contains("Hãy chọn tệp CSV cần nhập.");
		assertThat(count()).isEqualTo(before);

		var other = new WebSession(port).signInOfficial(otherFarmer, FarmFixture.PASSWORD);
		var ok = d + ",temperature," + yesterday + " 07:00,30\n";
		assertThat(other.upload("/farm/" + farm + "/import", Map.of(), "file", "so-do.csv",
				("device,key,time,value\n" + ok).getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
		assertThat(count()).isEqualTo(before);
	}

	private java.net.http.HttpResponse<String> upload(WebSession session, String csv) {
		return session.upload("/farm/" + farm + "/import", Map.of(), "file", "so-do.csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	/** The sensor's readings of the last 30 days. */
	private long count() {
		return Tenancy.callAs(UnitScope.of(FarmFixture.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select count(*) from farm_reading where device_id = ? and at > now() - interval '30 days'").param(sensor)
			.query(Long.class).single()));
	}
}
