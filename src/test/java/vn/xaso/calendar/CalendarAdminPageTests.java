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
	void aNationalAdministratorRecordsAndWithdrawsAnAnnouncedSwapAndDeadlinesFollowIt() {
		var web = new WebSession(port).signInOfficial("quocgia.lich", DemoData.PASSWORD);
		var page = web.get("/admin/calendar?year=2031");
		assertThat(page.body()).contains("Ngày nghỉ lễ năm 2031").contains("Giỗ Tổ");
		// Saturday 2031-03-08 made a working day.
		var saturday = LocalDate.of(2031, 3, 8);
		assertThat(calendar.isWorkingDay(saturday)).isFalse();
		var done = web.post("/admin/calendar/adjustments", Map.of("date", "2031-03-08", "kind", "working_day",
				"note", "Thông báo thử nghiệm số 1/TB"));
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/admin/calendar?year=2031");
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
		assertThat(audited("calendar.adjustment.added")).isEqualTo(1);
		// The same date again is refused with a reason, and nothing changes.
		var again = web.post("/admin/calendar/adjustments", Map.of("date", "2031-03-08", "kind", "day_off", "note", "Lần hai"));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("đã có điều chỉnh");
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
		// Withdrawn: the rule-based calendar is back, the row is kept and the act audited.
		assertThat(web.get("/admin/calendar?year=2031").body()).contains("/admin/calendar/adjustments/2031-03-08/withdraw");
		var withdrawn = web.post("/admin/calendar/adjustments/2031-03-08/withdraw", Map.of());
		assertThat(withdrawn.headers().firstValue("Location").orElse("")).endsWith("/admin/calendar?year=2031");
		assertThat(calendar.isWorkingDay(saturday)).isFalse();
		assertThat(audited("calendar.adjustment.withdrawn")).isEqualTo(1);
		var kept = tx.execute(s -> jdbc.sql("select count(*) from calendar_adjustment where date = '2031-03-08' and withdrawn_by = 'quocgia.lich'")
			.query(Long.class).single());
		assertThat(kept).isEqualTo(1);
		// And the date can be recorded afresh.
		web.post("/admin/calendar/adjustments", Map.of("date", "2031-03-08", "kind", "working_day", "note", "Thông báo số 2/TB"));
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
		web.post("/admin/calendar/adjustments/2031-03-08/withdraw", Map.of());
	}

	@Test
	void aCommuneAdministratorCannotChangeTheNationalCalendar() throws Exception {
		var web = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(web.get("/admin/calendar?year=2031").body()).contains("chỉ quản trị lịch quốc gia").doesNotContain("name=\"note\"");
		var saturday = LocalDate.of(2031, 3, 15);
		var refused = web.post("/admin/calendar/adjustments", Map.of("date", "2031-03-15", "kind", "working_day", "note", "Thử"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(calendar.isWorkingDay(saturday)).isFalse();
		assertThat(web.post("/admin/calendar/adjustments/2025-01-27/withdraw", Map.of()).statusCode()).isEqualTo(403);
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 27))).isFalse();
	}

	private long audited(String action) {
		return Tenancy.callAs(UnitScope.of(DemoData.NINH_BINH), () -> tx.execute(s -> jdbc
			.sql("select count(*) from audit_entry where action = ? and actor = 'quocgia.lich'").param(action)
			.query(Long.class).single()));
	}

	@Test
	void badInputIsExplainedInVietnamese() {
		var web = new WebSession(port).signInOfficial("quocgia.lich", DemoData.PASSWORD);
		assertThat(web.post("/admin/calendar/adjustments", Map.of("date", "13/02/2031", "kind", "day_off", "note", "x")).body())
			.contains("Hãy chọn ngày");
		assertThat(web.post("/admin/calendar/adjustments", Map.of("date", "2031-02-13", "kind", "day_off", "note", " ")).body())
			.contains("Ghi chú không được để trống");
		assertThat(web.post("/admin/calendar/adjustments", Map.of("date", "2031-02-13", "kind", "maybe", "note", "x")).body())
			.contains("Loại điều chỉnh không hợp lệ");
	}
}
