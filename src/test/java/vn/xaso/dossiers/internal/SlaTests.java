package vn.xaso.dossiers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.xaso.dossiers.Timeliness;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Appointment dates from the real working calendar around Tết Đinh Mùi 2027 (mùng 1 = Saturday 6/2/2027;
 * days off Friday 5/2 to Thursday 11/2 with two compensatory days) and Quốc khánh 2026 (Tuesday 1/9 and
 * Wednesday 2/9 off).
 */
@XasoIntegrationTest
class SlaTests {

	static final LocalTime CUTOFF = LocalTime.of(15, 0);

	@Autowired
	Sla sla;

	static java.time.Instant at(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(Sla.VIETNAM).toInstant();
	}

	@Test
	void workingDaysAroundTet2027() {
		// the calendar's Tết: 5/2 (30 Chạp) to 9/2, plus compensatory days 10/2 and 11/2
		for (var off = LocalDate.of(2027, 2, 5); !off.isAfter(LocalDate.of(2027, 2, 11)); off = off.plusDays(1)) {
			assertThat(sla.isWorkingDay(off)).as(off.toString()).isFalse();
		}
		assertThat(sla.isWorkingDay(LocalDate.of(2027, 2, 4))).isTrue();
		assertThat(sla.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
		// received Thursday 4/2 morning, 3 working days: 12/2, 15/2, 16/2
		assertThat(sla.due(at("2027-02-04T10:00"), "WORKING_DAYS", 3, CUTOFF)).isEqualTo(LocalDate.of(2027, 2, 16));
		// after 15:00 it counts from the next working day (12/2): 15/2, 16/2, 17/2
		assertThat(sla.due(at("2027-02-04T16:00"), "WORKING_DAYS", 3, CUTOFF)).isEqualTo(LocalDate.of(2027, 2, 17));
		// submitted online on mùng 1 (a day off): counted from 12/2
		assertThat(sla.due(at("2027-02-06T09:00"), "WORKING_DAYS", 3, CUTOFF)).isEqualTo(LocalDate.of(2027, 2, 17));
		// same-day procedures: before the cut-off the same day, after it the next working day (after Tết)
		assertThat(sla.due(at("2027-02-04T14:59"), "SAME_DAY", 0, CUTOFF)).isEqualTo(LocalDate.of(2027, 2, 4));
		assertThat(sla.due(at("2027-02-04T15:30"), "SAME_DAY", 0, CUTOFF)).isEqualTo(LocalDate.of(2027, 2, 12));
	}

	@Test
	void workingDaysAroundNationalDay2026() {
		assertThat(sla.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
		assertThat(sla.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
		// Monday 31/8 morning, 3 working days: Thu 3/9, Fri 4/9, Mon 7/9
		assertThat(sla.due(at("2026-08-31T09:00"), "WORKING_DAYS", 3, CUTOFF)).isEqualTo(LocalDate.of(2026, 9, 7));
		// exactly 15:00 counts as after the cut-off
		assertThat(sla.due(at("2026-08-31T15:00"), "SAME_DAY", 0, CUTOFF)).isEqualTo(LocalDate.of(2026, 9, 3));
		// 8 working hours from Monday 14:00: 3.5 h that afternoon, 4 h on Thursday morning, 0.5 h after lunch
		assertThat(sla.addWorkingHours(LocalDateTime.parse("2026-08-31T14:00"), 8)).isEqualTo(LocalDateTime.parse("2026-09-03T14:00"));
		assertThat(sla.due(at("2026-08-31T14:00"), "WORKING_HOURS", 8, CUTOFF)).isEqualTo(LocalDate.of(2026, 9, 3));
	}

	@Test
	void aPauseKeepsTheWorkingDaysLeftAndResumesWithThem() {
		// due 16/2/2027, paused on 4/2: 12/2, 15/2, 16/2 left
		assertThat(sla.daysLeft(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 16))).isEqualTo(3);
		// the citizen supplements on Wednesday 17/2: 18/2, 19/2, 22/2
		assertThat(sla.resume(LocalDate.of(2027, 2, 17), 3)).isEqualTo(LocalDate.of(2027, 2, 22));
		// a dossier paused when already late has none left, and gets one working day
		assertThat(sla.daysLeft(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 8, 31))).isZero();
		assertThat(sla.resume(LocalDate.of(2026, 8, 31), 0)).isEqualTo(LocalDate.of(2026, 9, 3));
	}

	@Test
	void earlyOnTimeLateAndDueSoon() {
		var due = LocalDate.of(2026, 9, 4);
		assertThat(sla.timeliness("stopped", due, LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 10))).isEqualTo(Timeliness.EARLY);
		assertThat(sla.timeliness("stopped", due, due, LocalDate.of(2026, 9, 10))).isEqualTo(Timeliness.ON_TIME);
		assertThat(sla.timeliness("stopped", due, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 10))).isEqualTo(Timeliness.FINISHED_LATE);
		assertThat(sla.timeliness("running", due, null, LocalDate.of(2026, 9, 7))).isEqualTo(Timeliness.LATE);
		// Monday 31/8 → Thursday 3/9 is one working day: due soon
		assertThat(sla.timeliness("running", LocalDate.of(2026, 9, 3), null, LocalDate.of(2026, 8, 31))).isEqualTo(Timeliness.DUE_SOON);
		assertThat(sla.timeliness("running", due, null, LocalDate.of(2026, 8, 31))).isEqualTo(Timeliness.IN_TIME);
		assertThat(sla.timeliness("paused", null, null, LocalDate.of(2026, 8, 31))).isEqualTo(Timeliness.PAUSED);
	}
}
