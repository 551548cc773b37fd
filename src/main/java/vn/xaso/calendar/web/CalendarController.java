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
import vn.xaso.calendar.CalendarException;
import vn.xaso.calendar.LunarCalendar;
import vn.xaso.calendar.LunarDate;
import vn.xaso.calendar.WorkingCalendar;

/**
 * Public read-only calendar API. Parameters are taken as strings and parsed here so that every bad input
 * gets a specific Vietnamese message instead of Spring's generic conversion error.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar.api.doc1", description = "calendar.api.doc2")
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
	@Operation(summary = "calendar.api.doc3")
	List<HolidayView> holidays(@RequestParam(required = false) @Nullable String year) {
		return working.holidays(integer("year", year))
			.stream()
			.map(h -> new HolidayView(h.date().toString(), h.name(), h.nameEn(), h.kind().code()))
			.toList();
	}

	@GetMapping("/add-working-days")
	@Operation(summary = "calendar.api.doc4")
	AddWorkingDaysView addWorkingDays(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String days) {
		var start = date("from", from);
		int n = integer("days", days);
		if (n < 0 || n > MAX_DAYS) {
			throw CalendarException.of("calendar.error.daysRange", String.valueOf(MAX_DAYS), String.valueOf(n));
		}
		return new AddWorkingDaysView(start.toString(), n, working.addWorkingDays(start, n).toString());
	}

	@GetMapping("/lunar")
	@Operation(summary = "calendar.api.doc5")
	LunarView lunar(@RequestParam(required = false) @Nullable String date) {
		var solar = date("date", date);
		var l = lunar.toLunar(solar);
		return new LunarView(solar.toString(), l.year(), l.month(), l.day(), l.leapMonth(),
				LunarCalendar.canChi(l.year()));
	}

	@GetMapping("/solar")
	@Operation(summary = "calendar.api.doc6")
	SolarView solar(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable String day,
			@RequestParam(required = false) @Nullable String leap) {
		boolean leapMonth = switch (leap == null ? "false" : leap.strip().toLowerCase()) {
			case "true", "1" -> true;
			case "false", "0", "" -> false;
			default -> throw CalendarException.of("calendar.error.leap", leap);
		};
		var date = new LunarDate(integer("year", year), integer("month", month), integer("day", day), leapMonth);
		return new SolarView(lunar.toSolar(date).toString());
	}

	static LocalDate date(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw CalendarException.of("calendar.error.dateParamMissing", name);
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw CalendarException.of("calendar.error.dateParam", value);
		}
		// The calendar covers 1900–2199 (as the adjustments API checks); beyond, date arithmetic overflowed (500).
		if (date.getYear() < 1900 || date.getYear() > 2199) {
			throw CalendarException.of("calendar.error.dateParamYear", name, String.valueOf(date.getYear()));
		}
		return date;
	}

	static int integer(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw CalendarException.of("calendar.error.paramMissing", name);
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw CalendarException.of("calendar.error.integer", name, value);
		}
	}
}
