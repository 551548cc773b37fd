package vn.xaso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class CalendarAdminPageTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void anAdministratorRecordsAnAnnouncedSwapAndDeadlinesFollowIt() {
		var web = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var page = web.get("/admin/calendar?year=2031");
		assertThat(page.body()).contains("Ngày nghỉ lễ năm 2031").contains("Giỗ Tổ");
		// Saturday 2031-03-08 made a working day.
		var saturday = LocalDate.of(2031, 3, 8);
		assertThat(calendar.isWorkingDay(saturday)).isFalse();
		var done = web.post("/admin/calendar/adjustments", Map.of("date", "2031-03-08", "kind", "working_day",
				"note", "Thông báo thử nghiệm số 1/TB"));
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/admin/calendar?year=2031");
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
		var audited = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select count(*) from audit_entry where action = 'calendar.adjustment.added' and actor = 'yenmo.admin'")
			.query(Long.class).single()));
		assertThat(audited).isEqualTo(1);
		// The same date again is refused with a reason, and nothing changes.
		var again = web.post("/admin/calendar/adjustments", Map.of("date", "2031-03-08", "kind", "day_off", "note", "Lần hai"));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("đã có điều chỉnh");
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
	}

	@Test
	void badInputIsExplainedInVietnamese() {
		var web = new WebSession(port).signInOfficial("ngaan.admin", DemoData.PASSWORD);
		assertThat(web.post("/admin/calendar/adjustments", Map.of("date", "13/02/2031", "kind", "day_off", "note", "x")).body())
			.contains("Hãy chọn ngày");
		assertThat(web.post("/admin/calendar/adjustments", Map.of("date", "2031-02-13", "kind", "day_off", "note", " ")).body())
			.contains("Ghi chú không được để trống");
		assertThat(web.post("/admin/calendar/adjustments", Map.of("date", "2031-02-13", "kind", "maybe", "note", "x")).body())
			.contains("Loại điều chỉnh không hợp lệ");
	}
}
