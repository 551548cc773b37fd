package vn.xaso.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import vn.xaso.calendar.Holiday;
import vn.xaso.calendar.HolidayKind;
import vn.xaso.calendar.LunarCalendar;
import vn.xaso.calendar.LunarDate;

/**
 * The public holidays of Bộ luật Lao động 2019 Điều 112, as code because the law defines them as rules
 * (some on the lunar calendar); what the government announces on top is data (calendar_adjustment).
 * <ul>
 * <li>khoản 1a: Tết Dương lịch, 1 day (1/1);</li>
 * <li>khoản 1b: Tết Âm lịch, 5 days. The law leaves the placement to the Prime Minister; the baseline used
 * here is the last day of the lunar year plus mùng 1–4, and announced swaps are recorded as adjustments;</li>
 * <li>khoản 1c: Ngày Chiến thắng, 30/4;</li>
 * <li>khoản 1d: Ngày Quốc tế lao động, 1/5;</li>
 * <li>khoản 1đ: Quốc khánh, 2/9 and one adjacent day (1/9 or 3/9, chosen each year by the Prime Minister).
 * The baseline is 1/9; a year that uses 3/9 is entered as adjustments (1/9 working_day, 3/9 day_off);</li>
 * <li>khoản 1e: Giỗ Tổ Hùng Vương, 10/3 âm lịch.</li>
 * </ul>
 * khoản 3: a holiday on the weekly rest day gives a compensatory day on the next working day. The weekly
 * rest days are Saturday and Sunday, as for the public service (40-hour week).
 */
public final class HolidayRules {

	private final LunarCalendar lunar;

	public HolidayRules(LunarCalendar lunar) {
		this.lunar = lunar;
	}

	/** Holidays and compensatory days of one Gregorian year, in date order. */
	public List<Holiday> forYear(int year) {
		var holidays = new ArrayList<Holiday>();
		holidays.add(fixed(year, 1, 1, "Tết Dương lịch", "New Year's Day"));

		var tet = lunar.tet(year);
		var eve = tet.minusDays(1);
		int eveDay = lunar.toLunar(eve).day();
		holidays.add(new Holiday(eve, "Tết Nguyên đán (" + eveDay + " tháng Chạp)", "Lunar New Year's Eve",
				HolidayKind.HOLIDAY));
		for (int i = 0; i < 4; i++) {
			holidays.add(new Holiday(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")",
					"Lunar New Year (day " + (i + 1) + ")", HolidayKind.HOLIDAY));
		}

		holidays.add(new Holiday(lunar.toSolar(LunarDate.of(year, 3, 10)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
				"Hung Kings' Commemoration Day", HolidayKind.HOLIDAY));
		holidays.add(fixed(year, 4, 30, "Ngày Chiến thắng (30/4)", "Reunification Day"));
		holidays.add(fixed(year, 5, 1, "Ngày Quốc tế Lao động (1/5)", "International Labour Day"));
		holidays.add(fixed(year, 9, 1, "Quốc khánh (ngày liền kề)", "National Day (adjacent day)"));
		holidays.add(fixed(year, 9, 2, "Quốc khánh (2/9)", "National Day"));
		return withCompensatoryDays(mergeCoinciding(holidays));
	}

	/**
	 * Giỗ Tổ (10/3 âm lịch) lands on 30/4 or 1/5 in some years (e.g. 1947). The law is silent on two holidays
	 * on one date, so they become one entry and no extra day is added; see docs/modules/calendar.md.
	 */
	private static List<Holiday> mergeCoinciding(List<Holiday> holidays) {
		var byDate = new java.util.TreeMap<LocalDate, Holiday>();
		for (var h : holidays) {
			byDate.merge(h.date(), h, (a, b) -> new Holiday(a.date(), a.name() + "; " + b.name(),
					a.nameEn() + "; " + b.nameEn(), HolidayKind.HOLIDAY));
		}
		return List.copyOf(byDate.values());
	}

	private static Holiday fixed(int year, int month, int day, String name, String nameEn) {
		return new Holiday(MonthDay.of(month, day).atYear(year), name, nameEn, HolidayKind.HOLIDAY);
	}

	/**
	 * Each holiday on a Saturday or Sunday earns the first later day that is neither weekend, holiday nor
	 * already a compensatory day; processing in date order puts several of them after the holiday
	 * stretch in order (e.g. Tết spanning a weekend).
	 */
	private static List<Holiday> withCompensatoryDays(List<Holiday> holidays) {
		var taken = new HashSet<LocalDate>();
		holidays.forEach(h -> taken.add(h.date()));
		var result = new ArrayList<>(holidays);
		for (var holiday : holidays) {
			if (!isWeekend(holiday.date())) {
				continue;
			}
			var day = holiday.date().plusDays(1);
			while (isWeekend(day) || taken.contains(day)) {
				day = day.plusDays(1);
			}
			taken.add(day);
			result.add(new Holiday(day, "Nghỉ bù " + holiday.name(), "Compensatory day off for " + holiday.nameEn(),
					HolidayKind.COMPENSATORY));
		}
		result.sort(Comparator.comparing(Holiday::date));
		return List.copyOf(result);
	}

	public static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
