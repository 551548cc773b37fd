package vn.xaso.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.xaso.calendar.Holiday;
import vn.xaso.calendar.HolidayKind;
import vn.xaso.calendar.LunarCalendar;

/**
 * Rules of Điều 112 without any announcement. Each row lists the days off as M-D, with "c" for a
 * compensatory day. Rows were derived from the rule and checked by hand against the weekday of each
 * date; 2022 (30/4–3/5), 2023 (29/4–3/5; 1–4/9) and 2026 (Tết 16–20/2) also match the days off that
 * the government announced for those years.
 */
class HolidayRulesTests {

	static final HolidayRules rules = new HolidayRules(new LunarCalendar());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ':', value = {
			"2020: 1-1 1-24 1-25 1-26 1-27 1-28 1-29c 1-30c 4-2 4-30 5-1 9-1 9-2",
			"2021: 1-1 2-11 2-12 2-13 2-14 2-15 2-16c 2-17c 4-21 4-30 5-1 5-3c 9-1 9-2",
			"2022: 1-1 1-3c 1-31 2-1 2-2 2-3 2-4 4-10 4-11c 4-30 5-1 5-2c 5-3c 9-1 9-2",
			"2023: 1-1 1-2c 1-21 1-22 1-23 1-24 1-25 1-26c 1-27c 4-29 4-30 5-1 5-2c 5-3c 9-1 9-2 9-4c",
			"2024: 1-1 2-9 2-10 2-11 2-12 2-13 2-14c 2-15c 4-18 4-30 5-1 9-1 9-2 9-3c",
			"2025: 1-1 1-28 1-29 1-30 1-31 2-1 2-3c 4-7 4-30 5-1 9-1 9-2",
			"2026: 1-1 2-16 2-17 2-18 2-19 2-20 4-26 4-27c 4-30 5-1 9-1 9-2",
			"2027: 1-1 2-5 2-6 2-7 2-8 2-9 2-10c 2-11c 4-16 4-30 5-1 5-3c 9-1 9-2",
			"2028: 1-1 1-3c 1-25 1-26 1-27 1-28 1-29 1-31c 4-4 4-30 5-1 5-2c 9-1 9-2 9-4c",
			"2029: 1-1 2-12 2-13 2-14 2-15 2-16 4-23 4-30 5-1 9-1 9-2 9-3c 9-4c",
			"2030: 1-1 2-1 2-2 2-3 2-4 2-5 2-6c 2-7c 4-12 4-30 5-1 9-1 9-2 9-3c",
			"2031: 1-1 1-22 1-23 1-24 1-25 1-26 1-27c 1-28c 4-1 4-30 5-1 9-1 9-2",
			"2032: 1-1 2-10 2-11 2-12 2-13 2-14 2-16c 4-19 4-30 5-1 5-3c 9-1 9-2",
			"2033: 1-1 1-3c 1-30 1-31 2-1 2-2 2-3 2-4c 4-9 4-11c 4-30 5-1 5-2c 5-3c 9-1 9-2",
			"2034: 1-1 1-2c 2-18 2-19 2-20 2-21 2-22 2-23c 2-24c 4-28 4-30 5-1 5-2c 9-1 9-2 9-4c",
			"2035: 1-1 2-7 2-8 2-9 2-10 2-11 2-12c 2-13c 4-17 4-30 5-1 9-1 9-2 9-3c 9-4c" })
	void expectedDaysOffPerYear(int year, String expected) {
		assertThat(rules.forYear(year)).extracting(HolidayRulesTests::compact)
			.containsExactlyElementsOf(Arrays.stream(expected.strip().split(" ")).toList());
	}

	@Test
	void year2025HasTetFrom29ChapBecauseGiapThinHadNo30() {
		var y2025 = rules.forYear(2025);
		assertThat(y2025).filteredOn(h -> h.kind() == HolidayKind.HOLIDAY).extracting(Holiday::date)
			.containsExactly(d("2025-01-01"), d("2025-01-28"), d("2025-01-29"), d("2025-01-30"), d("2025-01-31"),
					d("2025-02-01"), d("2025-04-07"), d("2025-04-30"), d("2025-05-01"), d("2025-09-01"),
					d("2025-09-02"));
		assertThat(y2025.get(1).name()).isEqualTo("Tết Nguyên đán (29 tháng Chạp)");
		assertThat(y2025.get(2).name()).isEqualTo("Tết Nguyên đán (mùng 1)");
		assertThat(y2025.get(2).nameEn()).isEqualTo("Lunar New Year (day 1)");
		// Mùng 4 (1 Feb) was a Saturday: compensated on Monday 3 Feb, Sunday skipped.
		assertThat(y2025).filteredOn(h -> h.kind() == HolidayKind.COMPENSATORY)
			.extracting(Holiday::date, Holiday::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(d("2025-02-03"), "Nghỉ bù Tết Nguyên đán (mùng 4)"));
	}

	@Test
	void nationalDayOnSaturdayIsCompensatedOnMonday() {
		// 2/9/2023 was a Saturday; 1/9 Friday was the adjacent day: 1–4/9/2023 off, as announced.
		assertThat(rules.forYear(2023)).filteredOn(h -> h.date().getMonthValue() == 9)
			.extracting(Holiday::date, Holiday::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(d("2023-09-01"), HolidayKind.HOLIDAY),
					org.assertj.core.groups.Tuple.tuple(d("2023-09-02"), HolidayKind.HOLIDAY),
					org.assertj.core.groups.Tuple.tuple(d("2023-09-04"), HolidayKind.COMPENSATORY));
	}

	@Test
	void everyYearHasElevenHolidaysAndACompensatoryDayPerWeekendHoliday() {
		for (int year = 1900; year <= 2199; year++) {
			List<Holiday> all = rules.forYear(year);
			var holidays = all.stream().filter(h -> h.kind() == HolidayKind.HOLIDAY).toList();
			int coinciding = (int) holidays.stream().filter(h -> h.name().contains("; ")).count();
			assertThat(holidays).as("year %d", year).hasSize(11 - coinciding);
			long onWeekend = holidays.stream().filter(h -> HolidayRules.isWeekend(h.date())).count();
			var compensatory = all.stream().filter(h -> h.kind() == HolidayKind.COMPENSATORY).toList();
			assertThat(compensatory).as("year %d", year).hasSize((int) onWeekend)
				.allSatisfy(h -> assertThat(HolidayRules.isWeekend(h.date())).isFalse());
			assertThat(all).extracting(Holiday::date).as("year %d", year).doesNotHaveDuplicates().isSorted();
		}
	}

	@Test
	void coincidingHolidaysBecomeOneEntry() {
		// In 1947, 10/3 âm lịch fell on a date that was already a holiday.
		assertThat(rules.forYear(1947)).filteredOn(h -> h.name().contains("Giỗ Tổ"))
			.singleElement()
			.satisfies(h -> assertThat(h.name()).contains("; "));
	}

	static String compact(Holiday h) {
		return h.date().getMonthValue() + "-" + h.date().getDayOfMonth() + (h.kind() == HolidayKind.COMPENSATORY ? "c" : "");
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}
}
