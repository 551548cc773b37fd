package vn.xaso.calendar;

/**
 * A date of the Vietnamese lunar calendar (âm lịch). {@code year} is the Gregorian year in which the
 * lunar year begins (Tết), so 1/1/2025 âm lịch is Tết Ất Tỵ. {@code leapMonth} marks a tháng nhuận.
 * Only the shape is checked here; whether the date exists is checked by {@link LunarCalendar}.
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

	public LunarDate {
		if (month < 1 || month > 12) {
			throw CalendarException.of("calendar.error.lunarMonth", String.valueOf(month));
		}
		if (day < 1 || day > 30) {
			throw CalendarException.of("calendar.error.lunarDay", String.valueOf(day));
		}
	}

	public static LunarDate of(int year, int month, int day) {
		return new LunarDate(year, month, day, false);
	}

	@Override
	public String toString() {
		// Vietnamese, as the date is written on papers (the calendar bundle)
		return vn.xaso.platform.Refusal.bundleText(CalendarException.BUNDLE, leapMonth ? "calendar.text.lunarDateLeap" : "calendar.text.lunarDate",
				String.valueOf(day), String.valueOf(month), String.valueOf(year));
	}
}
