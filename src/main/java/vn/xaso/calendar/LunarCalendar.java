package vn.xaso.calendar;

import java.time.LocalDate;

import vn.xaso.calendar.internal.LunarTables;
import vn.xaso.calendar.internal.LunarYear;

/**
 * The Vietnamese lunar calendar (âm lịch), computed astronomically for Hanoi time (UTC+7) as the
 * Vietnamese calendar has been since 1968. It differs from the Chinese calendar (UTC+8) in some years,
 * e.g. Tết 1985 and 2007. Before 1968 the calendar in use followed UTC+8, so historical dates earlier
 * than that may differ from what was printed at the time by one day in rare months.
 * Supported: solar dates 1900–2199, lunar years 1900–2199. Thread-safe.
 */
public final class LunarCalendar {

	public static final int MIN_YEAR = 1900;
	public static final int MAX_YEAR = 2199;

	private static final String[] STEMS = { "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm",
			"Quý" };
	// Vietnamese uses Mão (cat) where Chinese has the rabbit; Tỵ, not Tị, in current usage.
	private static final String[] BRANCHES = { "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân",
			"Dậu", "Tuất", "Hợi" };

	private final LunarTables tables = new LunarTables();

	public LunarDate toLunar(LocalDate solar) {
		checkYear(solar.getYear(), "calendar.error.solarYearRange");
		var year = tables.year(solar.getYear());
		if (solar.isBefore(year.newYear())) {
			year = tables.year(solar.getYear() - 1);
		}
		for (var month : year.months().reversed()) {
			if (!solar.isBefore(month.start())) {
				int day = (int) (solar.toEpochDay() - month.start().toEpochDay()) + 1;
				return new LunarDate(year.year(), month.number(), day, month.leap());
			}
		}
		throw new IllegalStateException("No lunar month contains " + solar);
	}

	/** @throws IllegalArgumentException (message in Vietnamese) when the lunar date does not exist */
	public LocalDate toSolar(LunarDate lunar) {
		checkYear(lunar.year(), "calendar.error.lunarYearRange");
		var year = tables.year(lunar.year());
		var month = year.months().stream()
			.filter(m -> m.number() == lunar.month() && m.leap() == lunar.leapMonth())
			.findFirst()
			.orElseThrow(() -> !lunar.leapMonth()
					? CalendarException.of("calendar.error.noMonth", String.valueOf(lunar.year()), String.valueOf(lunar.month()))
					: year.leapMonth() == 0
							? CalendarException.of("calendar.error.noLeapMonth", String.valueOf(lunar.year()), String.valueOf(lunar.month()))
							: CalendarException.of("calendar.error.otherLeapMonth", String.valueOf(lunar.year()),
									String.valueOf(lunar.month()), String.valueOf(year.leapMonth())));
		if (lunar.day() > month.length()) {
			throw CalendarException.of(lunar.leapMonth() ? "calendar.error.leapMonthLength" : "calendar.error.monthLength",
					String.valueOf(lunar.month()), String.valueOf(lunar.year()), String.valueOf(month.length()),
					String.valueOf(lunar.day()));
		}
		return month.start().plusDays(lunar.day() - 1L);
	}

	/** Tết (1/1 âm lịch) of the lunar year that begins in the given Gregorian year. */
	public LocalDate tet(int year) {
		checkYear(year, "calendar.error.yearRange");
		return tables.year(year).newYear();
	}

	/** The last day of the lunar year that begins in the given Gregorian year: 30 (or 29) tháng Chạp. */
	public LocalDate lastDayOfLunarYear(int year) {
		checkYear(year, "calendar.error.yearRange");
		return tables.year(year).lastDay();
	}

	/** The leap month (1–12) of the given lunar year, or 0 if it has none. */
	public int leapMonth(int lunarYear) {
		checkYear(lunarYear, "calendar.error.lunarYearRange");
		return tables.year(lunarYear).leapMonth();
	}

	/** Number of days (29 or 30) of a lunar month; throws if the month does not exist. */
	public int monthLength(int lunarYear, int month, boolean leap) {
		toSolar(new LunarDate(lunarYear, month, 1, leap));
		return tables.year(lunarYear).months().stream()
			.filter(m -> m.number() == month && m.leap() == leap)
			.mapToInt(LunarYear.Month::length)
			.findFirst()
			.orElseThrow();
	}

	/** Number of months (12 or 13) of a lunar year. */
	public int monthsInYear(int lunarYear) {
		checkYear(lunarYear, "calendar.error.lunarYearRange");
		return tables.year(lunarYear).months().size();
	}

	/** The Vietnamese can chi name of a lunar year, e.g. "Ất Tỵ" for 2025, "Quý Mão" for 2023. */
	public static String canChi(int lunarYear) {
		return STEMS[Math.floorMod(lunarYear + 6, 10)] + " " + BRANCHES[Math.floorMod(lunarYear + 8, 12)];
	}

	/** {@code key}: the calendar bundle's message naming the year (solar, lunar or plain). */
	static void checkYear(int year, String key) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw CalendarException.of(key, String.valueOf(year), String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
		}
	}
}
