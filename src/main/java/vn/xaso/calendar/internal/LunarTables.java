package vn.xaso.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.Calendar;

/**
 * Builds and caches {@link LunarYear} tables from ICU. ICU calendars are mutable and not thread-safe,
 * and their astronomy caches live in the instance, so one instance is shared under a lock; each year
 * is computed once (a few milliseconds) and then served from the map.
 */
public final class LunarTables {

	private static final long DAY_MS = 86_400_000L;

	private final VietnameseIcuCalendar icu = new VietnameseIcuCalendar();
	/**
	 * ICU's EXTENDED_YEAR for this calendar was counted from 2637 BCE in old releases and is the related
	 * Gregorian year in recent ones; measure it instead of trusting either.
	 */
	private final int icuYearOffset = measureYearOffset();
	private final ConcurrentHashMap<Integer, LunarYear> years = new ConcurrentHashMap<>();

	public LunarYear year(int lunarYear) {
		return years.computeIfAbsent(lunarYear, this::compute);
	}

	private LunarYear compute(int lunarYear) {
		synchronized (icu) {
			var start = newYear(lunarYear);
			var end = newYear(lunarYear + 1);
			var months = new ArrayList<LunarYear.Month>();
			var day = start;
			while (day.isBefore(end)) {
				icu.setTimeInMillis(day.toEpochDay() * DAY_MS);
				int number = icu.get(Calendar.MONTH) + 1;
				boolean leap = icu.get(Calendar.IS_LEAP_MONTH) == 1;
				// A month has 30 days exactly when its 30th day still belongs to it.
				icu.setTimeInMillis(day.plusDays(29).toEpochDay() * DAY_MS);
				int length = icu.get(Calendar.DAY_OF_MONTH) == 30 ? 30 : 29;
				months.add(new LunarYear.Month(number, leap, day, length));
				day = day.plusDays(length);
			}
			if (!day.equals(end)) {
				throw new IllegalStateException("Lunar months of " + lunarYear + " do not end at the next Tet (lunar new year)");
			}
			return new LunarYear(lunarYear, months);
		}
	}

	private int measureYearOffset() {
		synchronized (icu) {
			// Mid-year: well after any Tết, so the lunar year is the Gregorian one.
			icu.setTimeInMillis(LocalDate.of(2025, 7, 1).toEpochDay() * DAY_MS);
			return icu.get(Calendar.EXTENDED_YEAR) - 2025;
		}
	}

	private LocalDate newYear(int lunarYear) {
		icu.clear();
		icu.set(Calendar.EXTENDED_YEAR, lunarYear + icuYearOffset);
		icu.set(Calendar.MONTH, 0);
		icu.set(Calendar.IS_LEAP_MONTH, 0);
		icu.set(Calendar.DAY_OF_MONTH, 1);
		return LocalDate.ofEpochDay(Math.floorDiv(icu.getTimeInMillis(), DAY_MS));
	}
}
