package vn.xaso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.testing.XasoIntegrationTest;

@XasoIntegrationTest
class CalendarApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	WorkingCalendar workingCalendar;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String pathAndQuery) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void holidaysOf2025IncludeRulesAndTheShippedAnnouncements() throws Exception {
		var response = get("/api/v1/calendar/holidays?year=2025");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
		assertThat(response.body())
			.contains("{\"date\":\"2025-01-29\",\"name\":\"Tết Nguyên đán (mùng 1)\",\"nameEn\":\"Lunar New Year (day 1)\",\"kind\":\"holiday\"}")
			.contains("\"date\":\"2025-01-27\"", "\"kind\":\"announced_day_off\"")
			.contains("\"date\":\"2025-02-03\"", "\"kind\":\"announced_working_day\"")
			.contains("\"date\":\"2025-04-07\"", "Giỗ Tổ Hùng Vương");
	}

	@Test
	void addWorkingDaysAcrossTet2025AsAnnounced() throws Exception {
		// Off 25/1–2/2/2025 as announced; Monday 3/2 was a working day.
		var response = get("/api/v1/calendar/add-working-days?from=2025-01-24&days=1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"from\":\"2025-01-24\",\"days\":1,\"result\":\"2025-02-03\"}");
	}

	@Test
	void lunarAndSolarConversions() throws Exception {
		var lunar = get("/api/v1/calendar/lunar?date=2025-01-29");
		assertThat(lunar.statusCode()).isEqualTo(200);
		assertThat(lunar.body()).isEqualTo("{\"solar\":\"2025-01-29\",\"lunarYear\":2025,\"lunarMonth\":1,"
				+ "\"lunarDay\":1,\"leapMonth\":false,\"canChi\":\"Ất Tỵ\"}");
		var solar = get("/api/v1/calendar/solar?year=2023&month=2&day=1&leap=true");
		assertThat(solar.statusCode()).isEqualTo(200);
		assertThat(solar.body()).isEqualTo("{\"solar\":\"2023-03-22\"}");
	}

	@Test
	void badInputGets400WithAVietnameseMessage() throws Exception {
		assertBadRequest("/api/v1/calendar/lunar?date=2025-02-30", "Ngày không hợp lệ: '2025-02-30'. Hãy nhập theo dạng YYYY-MM-DD.");
		assertBadRequest("/api/v1/calendar/lunar", "Thiếu tham số 'date'");
		assertBadRequest("/api/v1/calendar/add-working-days?from=2025-01-01&days=-1", "từ 0 đến 3650");
		assertBadRequest("/api/v1/calendar/add-working-days?from=2025-01-01&days=3651", "từ 0 đến 3650");
		assertBadRequest("/api/v1/calendar/add-working-days?from=2025-01-01&days=abc", "phải là số nguyên");
		assertBadRequest("/api/v1/calendar/holidays?year=1800", "ngoài phạm vi");
		assertBadRequest("/api/v1/calendar/holidays", "Thiếu tham số 'year'");
		assertBadRequest("/api/v1/calendar/solar?year=2024&month=4&day=1&leap=true", "không có tháng 4 nhuận");
		assertBadRequest("/api/v1/calendar/solar?year=2024&month=12&day=30", "chỉ có 29 ngày");
		assertBadRequest("/api/v1/calendar/solar?year=2025&month=13&day=1", "từ 1 đến 12");
	}

	void assertBadRequest(String path, String message) throws Exception {
		var response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(400);
		// The platform's problem+json (docs/security.md): the message is the detail.
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
		assertThat(response.body()).as(path).contains("\"detail\":\"").contains(message);
	}

	@Test
	void anInsertedAdjustmentChangesTheAnswer() throws Exception {
		// Wednesday 11 March 2037 is an ordinary working day; no other test touches 2037 (CalendarAdminPageTests
		// uses 2031), so the year is not cached before the row goes in.
		var wednesday = LocalDate.of(2037, 3, 11);
		try {
			transactions.executeWithoutResult(status -> jdbc.sql("""
					insert into calendar_adjustment (year, date, kind, note_vi, created_by)
					values (2037, ?, 'day_off', 'Nghỉ thử nghiệm', 'test')""").param(wednesday).update());
			assertThat(get("/api/v1/calendar/add-working-days?from=2037-03-10&days=1").body())
				.contains("\"result\":\"2037-03-12\"");
			assertThat(get("/api/v1/calendar/holidays?year=2037").body())
				.contains("{\"date\":\"2037-03-11\",\"name\":\"Nghỉ thử nghiệm\",\"nameEn\":\"Announced day off\",\"kind\":\"announced_day_off\"}");
		}
		finally {
			transactions.executeWithoutResult(status -> jdbc.sql("delete from calendar_adjustment where year = 2037").update());
			workingCalendar.refresh();
		}
		assertThat(get("/api/v1/calendar/add-working-days?from=2037-03-10&days=1").body())
			.contains("\"result\":\"2037-03-11\"");
	}

	@Test
	void endpointsAreDescribedInOpenApi() throws Exception {
		assertThat(get("/v3/api-docs").body()).contains("/api/v1/calendar/holidays", "/api/v1/calendar/add-working-days",
				"/api/v1/calendar/lunar", "/api/v1/calendar/solar", "/api/v1/calendar/adjustments");
	}

	@Test
	void postingAnAdjustmentNeedsASignedInAdministrator() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/calendar/adjustments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2031-03-12\",\"kind\":\"day_off\",\"note\":\"x\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(401, 403);
	}
}
