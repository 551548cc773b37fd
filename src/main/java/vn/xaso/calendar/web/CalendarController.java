package vn.xaso.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xaso.calendar.LunarCalendar;
import vn.xaso.calendar.LunarDate;
import vn.xaso.calendar.WorkingCalendar;

/**
 * Public read-only calendar API. Parameters are taken as strings and parsed here so that every bad input
 * gets a specific Vietnamese message instead of Spring's generic conversion error.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Lịch làm việc", description = "Ngày lễ, ngày làm việc, âm lịch")
class CalendarController {

	static final int MAX_DAYS = 3650;

	private final WorkingCalendar working;
	private final LunarCalendar lunar;

	CalendarController(WorkingCalendar working, LunarCalendar lunar) {
		this.working = working;
		this.lunar = lunar;
	}

	record HolidayView(String date, String name, String nameEn, String kind) {
	}

	record AddWorkingDaysView(String from, int days, String result) {
	}

	record LunarView(String solar, int lunarYear, int lunarMonth, int lunarDay, boolean leapMonth, String canChi) {
	}

	record SolarView(String solar) {
	}

	@GetMapping("/holidays")
	@Operation(summary = "Ngày lễ, ngày nghỉ bù và ngày điều chỉnh theo thông báo của một năm")
	List<HolidayView> holidays(@RequestParam(required = false) @Nullable String year) {
		return working.holidays(integer("year", year))
			.stream()
			.map(h -> new HolidayView(h.date().toString(), h.name(), h.nameEn(), h.kind().code()))
			.toList();
	}

	@GetMapping("/add-working-days")
	@Operation(summary = "Cộng số ngày làm việc vào một ngày (không tính ngày bắt đầu)")
	AddWorkingDaysView addWorkingDays(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String days) {
		var start = date("from", from);
		int n = integer("days", days);
		if (n < 0 || n > MAX_DAYS) {
			throw new IllegalArgumentException("Số ngày phải từ 0 đến " + MAX_DAYS + ", không phải " + n + ".");
		}
		return new AddWorkingDaysView(start.toString(), n, working.addWorkingDays(start, n).toString());
	}

	@GetMapping("/lunar")
	@Operation(summary = "Đổi ngày dương lịch sang âm lịch (giờ Hà Nội, UTC+7)")
	LunarView lunar(@RequestParam(required = false) @Nullable String date) {
		var solar = date("date", date);
		var l = lunar.toLunar(solar);
		return new LunarView(solar.toString(), l.year(), l.month(), l.day(), l.leapMonth(),
				LunarCalendar.canChi(l.year()));
	}

	@GetMapping("/solar")
	@Operation(summary = "Đổi ngày âm lịch sang dương lịch")
	SolarView solar(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String leap) {
		boolean leapMonth = switch (leap == null ? "false" : leap.strip().toLowerCase()) {
			case "true", "1" -> true;
			case "false", "0", "" -> false;
			default -> throw new IllegalArgumentException(
					"Tham số 'leap' phải là true hoặc false, không phải '" + leap + "'.");
		};
		var date = new LunarDate(integer("year", year), integer("month", month), integer("day", day), leapMonth);
		return new SolarView(lunar.toSolar(date).toString());
	}

	static LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Thiếu tham số '" + name + "' (ngày dạng YYYY-MM-DD).");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Ngày không hợp lệ: '" + value + "'. Hãy nhập theo dạng YYYY-MM-DD.");
		}
		// The calendar covers 1900–2199 (as the adjustments API checks); beyond, date arithmetic overflowed (500).
		if (date.getYear() < 1900 || date.getYear() > 2199) {
			throw new IllegalArgumentException("Năm của '" + name + "' phải từ 1900 đến 2199, không phải " + date.getYear() + ".");
		}
		return date;
	}

	static int integer(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Thiếu tham số '" + name + "'.");
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Tham số '" + name + "' phải là số nguyên, không phải '" + value + "'.");
		}
	}
}
