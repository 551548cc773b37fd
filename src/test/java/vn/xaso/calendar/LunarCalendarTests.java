package vn.xaso.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTests {

	static final LunarCalendar lunar = new LunarCalendar();

	/**
	 * Vietnamese Tết dates (UTC+7), as published in Ho Ngoc Duc's Vietnamese lunar calendar. 1985 and 2007
	 * are years where China (UTC+8) differs: 20 Feb 1985 and 18 Feb 2007 there; 2030 is another (3 Feb in China).
	 */
	@ParameterizedTest(name = "Tết {0} is {1}")
	@CsvSource({ "1968, 1968-01-29", "1985, 1985-01-21", "2007, 2007-02-17", "2020, 2020-01-25", "2021, 2021-02-12",
			"2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17",
			"2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-02", "2031, 2031-01-23",
			"2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19", "2035, 2035-02-08" })
	void tetMatchesTheVietnameseCalendar(int year, LocalDate tet) {
		assertThat(lunar.tet(year)).isEqualTo(tet);
		assertThat(lunar.toLunar(tet)).isEqualTo(new LunarDate(year, 1, 1, false));
		assertThat(lunar.toSolar(LunarDate.of(year, 1, 1))).isEqualTo(tet);
	}

	@ParameterizedTest(name = "{0} has leap month {1}")
	@CsvSource({ "2020, 4", "2023, 2", "2025, 6", "2028, 5", "2021, 0", "2024, 0" })
	void leapMonths(int year, int leapMonth) {
		assertThat(lunar.leapMonth(year)).isEqualTo(leapMonth);
		assertThat(lunar.monthsInYear(year)).isEqualTo(leapMonth == 0 ? 12 : 13);
	}

	@Test
	void leapMonthDatesConvertBothWays() {
		// 1/2 nhuận Quý Mão = 22 March 2023; 1/6 nhuận Ất Tỵ = 25 July 2025.
		assertThat(lunar.toSolar(new LunarDate(2023, 2, 1, true))).isEqualTo(LocalDate.of(2023, 3, 22));
		assertThat(lunar.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, 1, true));
		assertThat(lunar.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
	}

	@Test
	void hungKingsDayAndLastDayOfYear() {
		assertThat(lunar.toSolar(LunarDate.of(2025, 3, 10))).isEqualTo(LocalDate.of(2025, 4, 7));
		// Giáp Thìn (2024) had no 30 Tết: its last day was 29 tháng Chạp = 28 Jan 2025.
		assertThat(lunar.lastDayOfLunarYear(2024)).isEqualTo(LocalDate.of(2025, 1, 28));
		assertThat(lunar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(LunarDate.of(2024, 12, 29));
	}

	@Test
	void rejectsDatesThatDoNotExist() {
		assertThatThrownBy(() -> lunar.toSolar(new LunarDate(2024, 4, 1, true)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("không có tháng 4 nhuận");
		assertThatThrownBy(() -> lunar.toSolar(new LunarDate(2025, 3, 1, true)))
			.hasMessageContaining("tháng nhuận năm này là tháng 6");
		assertThatThrownBy(() -> lunar.toSolar(LunarDate.of(2024, 12, 30)))
			.hasMessageContaining("chỉ có 29 ngày");
		assertThatThrownBy(() -> lunar.toSolar(LunarDate.of(2200, 1, 1))).hasMessageContaining("ngoài phạm vi");
		assertThatThrownBy(() -> LunarDate.of(2025, 13, 1)).hasMessageContaining("từ 1 đến 12");
	}

	@Test
	void canChi() {
		assertThat(LunarCalendar.canChi(2025)).isEqualTo("Ất Tỵ");
		assertThat(LunarCalendar.canChi(2023)).isEqualTo("Quý Mão");
		assertThat(LunarCalendar.canChi(2026)).isEqualTo("Bính Ngọ");
		assertThat(LunarCalendar.canChi(1984)).isEqualTo("Giáp Tý");
	}
}
