package vn.xaso.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.xaso.calendar.internal.AdjustmentStore;
import vn.xaso.calendar.internal.HolidayRules;

class WorkingCalendarTests {

	final List<CalendarAdjustment> stored = new ArrayList<>();
	final AdjustmentStore memory = new AdjustmentStore() {
		@Override
		public List<CalendarAdjustment> forYear(int year) {
			return stored.stream().filter(a -> a.date().getYear() == year).toList();
		}

		@Override
		public void add(CalendarAdjustment adjustment, String createdBy) {
			stored.add(adjustment);
		}
	};
	final WorkingCalendar calendar = new WorkingCalendar(new HolidayRules(new LunarCalendar()), memory,
			Clock.fixed(Instant.parse("2025-01-27T18:00:00Z"), ZoneOffset.UTC));

	@Test
	void weekendsAndHolidaysAreNotWorkingDays() {
		assertThat(calendar.isWorkingDay(d("2025-01-24"))).isTrue(); // Friday
		assertThat(calendar.isWorkingDay(d("2025-01-25"))).isFalse(); // Saturday
		assertThat(calendar.isWorkingDay(d("2025-01-29"))).isFalse(); // mùng 1 Tết
		assertThat(calendar.isWorkingDay(d("2025-02-03"))).isFalse(); // nghỉ bù for mùng 4 on Saturday
		assertThat(calendar.isWorkingDay(d("2025-02-04"))).isTrue();
	}

	@Test
	void addingWorkingDaysAcrossTet() {
		// Friday 24 Jan 2025 + 1: Monday 27 Jan (still a working day by the rules alone).
		assertThat(calendar.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-27"));
		// + 2 skips 28/1–3/2 (Tết, weekend, nghỉ bù): Tuesday 4 Feb.
		assertThat(calendar.addWorkingDays(d("2025-01-24"), 2)).isEqualTo(d("2025-02-04"));
		assertThat(calendar.addWorkingDays(d("2025-01-24"), 5)).isEqualTo(d("2025-02-07"));
		assertThat(calendar.workingDaysBetween(d("2025-01-24"), d("2025-02-07"))).isEqualTo(5);
		assertThat(calendar.workingDaysBetween(d("2025-02-07"), d("2025-01-24"))).isEqualTo(-5);
	}

	@Test
	void addingZeroDaysGivesTheSameOrNextWorkingDay() {
		assertThat(calendar.addWorkingDays(d("2025-01-24"), 0)).isEqualTo(d("2025-01-24"));
		assertThat(calendar.addWorkingDays(d("2025-01-25"), 0)).isEqualTo(d("2025-01-27"));
		assertThat(calendar.addWorkingDays(d("2025-01-28"), 0)).isEqualTo(d("2025-02-04"));
	}

	@Test
	void addingWorkingDaysAcrossAWeekendAndFromASaturday() {
		assertThat(calendar.addWorkingDays(d("2025-03-07"), 1)).isEqualTo(d("2025-03-10"));
		assertThat(calendar.addWorkingDays(d("2025-03-08"), 1)).isEqualTo(d("2025-03-10"));
		assertThat(calendar.addWorkingDays(d("2025-03-03"), 10)).isEqualTo(d("2025-03-17"));
	}

	@Test
	void announcementsOverrideTheRulesAndInvalidateTheCachedYear() {
		assertThat(calendar.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-27"));
		calendar.addAdjustment(new CalendarAdjustment(d("2025-01-27"), CalendarAdjustment.Kind.DAY_OFF, "Tết 2025"),
				"test");
		calendar.addAdjustment(new CalendarAdjustment(d("2025-02-03"), CalendarAdjustment.Kind.WORKING_DAY, "Tết 2025"),
				"test");
		assertThat(calendar.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-02-03"));
		assertThat(calendar.holidays(2025)).filteredOn(h -> h.date().equals(d("2025-02-03")))
			.singleElement()
			.extracting(Holiday::kind)
			.isEqualTo(HolidayKind.ANNOUNCED_WORKING_DAY);
		assertThat(calendar.holidays(2025)).filteredOn(h -> h.kind() == HolidayKind.ANNOUNCED_DAY_OFF)
			.extracting(Holiday::date)
			.containsExactly(d("2025-01-27"));
	}

	@Test
	void announcedWorkingSaturday() {
		assertThat(calendar.isWorkingDay(d("2025-04-26"))).isFalse();
		calendar.addAdjustment(new CalendarAdjustment(d("2025-04-26"), CalendarAdjustment.Kind.WORKING_DAY, "làm bù"),
				"test");
		assertThat(calendar.isWorkingDay(d("2025-04-26"))).isTrue();
		assertThat(calendar.addWorkingDays(d("2025-04-25"), 1)).isEqualTo(d("2025-04-26"));
	}

	@Test
	void rejectsYearsOutsideTheSupportedRangeAndNegativeDays() {
		assertThatThrownBy(() -> calendar.holidays(1899)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ngoài phạm vi");
		assertThatThrownBy(() -> calendar.isWorkingDay(d("2200-01-01"))).hasMessageContaining("1900–2199");
		assertThatThrownBy(() -> calendar.addWorkingDays(d("2025-01-01"), -1)).hasMessageContaining("không được âm");
	}

	@Test
	void todayComesFromTheClockInVietnamTime() {
		// 18:00 UTC on 27 Jan is already 28 Jan in Hanoi.
		assertThat(calendar.today()).isEqualTo(d("2025-01-28"));
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}
}
