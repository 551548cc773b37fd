package vn.xaso.calendar.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One lunar year as a table of months: enough to convert both ways by lookup, without touching ICU
 * again. {@code year} is the Gregorian year of its Tết.
 */
public record LunarYear(int year, List<Month> months) {

	public record Month(int number, boolean leap, LocalDate start, int length) {

		public LocalDate last() {
			return start.plusDays(length - 1L);
		}
	}

	public LunarYear {
		months = List.copyOf(months);
	}

	public LocalDate newYear() {
		return months.getFirst().start();
	}

	/** The last day of the year: 30 Tết, or 29 Tết when tháng Chạp has 29 days. */
	public LocalDate lastDay() {
		return months.getLast().last();
	}

	/** 0 when the year has no leap month. */
	public int leapMonth() {
		return months.stream().filter(Month::leap).mapToInt(Month::number).findFirst().orElse(0);
	}
}
