package vn.xaso.dossiers.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.dossiers.Timeliness;

/**
 * Appointment dates from the working calendar (Quyết định 468/QĐ-TTg style rules):
 * <ul>
 * <li>WORKING_DAYS n: counted from the day of receipt, that day itself not counted; received after the cut-off
 * (15:00) or on a day off → counted as received on the next working day.</li>
 * <li>SAME_DAY: the same working day if received before the cut-off, else the next working day.</li>
 * <li>WORKING_HOURS n: office hours 07:30–11:30 and 13:30–17:30 on working days; the due date is the day the n-th
 * hour ends.</li>
 * <li>A pause keeps the working days left after today; on resumption the due date is that many working days after
 * the day of resumption (at least the next working day).</li>
 * </ul>
 */
@Component
public class Sla {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final LocalTime MORNING_START = LocalTime.of(7, 30);
	static final LocalTime MORNING_END = LocalTime.of(11, 30);
	static final LocalTime AFTERNOON_START = LocalTime.of(13, 30);
	static final LocalTime AFTERNOON_END = LocalTime.of(17, 30);

	private final WorkingCalendar calendar;

	public Sla(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	public LocalDate due(Instant receivedAt, String kind, int amount, LocalTime cutoff) {
		var at = LocalDateTime.ofInstant(receivedAt, VIETNAM);
		var day = at.toLocalDate();
		boolean late = !at.toLocalTime().isBefore(cutoff);
		return switch (kind) {
			case "SAME_DAY" -> calendar.isWorkingDay(day) && !late ? day : calendar.addWorkingDays(day, calendar.isWorkingDay(day) ? 1 : 0);
			case "WORKING_HOURS" -> addWorkingHours(at, amount).toLocalDate();
			case "WORKING_DAYS" -> calendar.addWorkingDays(countingFrom(at, cutoff), amount);
			default -> throw new IllegalArgumentException("Unknown processing time kind " + kind);
		};
	}

	/** The day counted as the day of receipt: today if a working day before the cut-off, else the next working day. */
	LocalDate countingFrom(LocalDateTime at, LocalTime cutoff) {
		var day = at.toLocalDate();
		if (!calendar.isWorkingDay(day)) {
			return calendar.addWorkingDays(day, 0);
		}
		return at.toLocalTime().isBefore(cutoff) ? day : calendar.addWorkingDays(day, 1);
	}

	LocalDateTime addWorkingHours(LocalDateTime start, int hours) {
		var left = Duration.ofHours(hours);
		var t = start;
		while (true) {
			var day = t.toLocalDate();
			if (!calendar.isWorkingDay(day)) {
				t = calendar.addWorkingDays(day, 0).atTime(MORNING_START);
				continue;
			}
			var time = t.toLocalTime();
			LocalTime blockEnd;
			if (time.isBefore(MORNING_START)) {
				t = day.atTime(MORNING_START);
				continue;
			}
			else if (time.isBefore(MORNING_END)) {
				blockEnd = MORNING_END;
			}
			else if (time.isBefore(AFTERNOON_START)) {
				t = day.atTime(AFTERNOON_START);
				continue;
			}
			else if (time.isBefore(AFTERNOON_END)) {
				blockEnd = AFTERNOON_END;
			}
			else {
				t = calendar.addWorkingDays(day, 1).atTime(MORNING_START);
				continue;
			}
			var available = Duration.between(time, blockEnd);
			if (left.compareTo(available) <= 0) {
				return t.plus(left);
			}
			left = left.minus(available);
			t = day.atTime(blockEnd);
		}
	}

	/** Working days from today to the due date, never negative (a late dossier has none left). */
	public int daysLeft(LocalDate today, LocalDate due) {
		return Math.max(0, calendar.workingDaysBetween(today, due));
	}

	/** The new due date when the clock resumes on {@code day} with {@code daysLeft} working days left. */
	public LocalDate resume(LocalDate day, int daysLeft) {
		return calendar.addWorkingDays(day, Math.max(1, daysLeft));
	}

	/** Where an open dossier stands today, or a finished one against its result date. */
	public Timeliness timeliness(String clock, @Nullable LocalDate due, @Nullable LocalDate resultDay, LocalDate today) {
		if ("paused".equals(clock)) {
			return Timeliness.PAUSED;
		}
		if (due == null || "waiting".equals(clock)) {
			return Timeliness.NONE;
		}
		if (resultDay != null) {
			return resultDay.isBefore(due) ? Timeliness.EARLY : resultDay.equals(due) ? Timeliness.ON_TIME : Timeliness.FINISHED_LATE;
		}
		if ("stopped".equals(clock)) {
			return Timeliness.NONE;
		}
		if (today.isAfter(due)) {
			return Timeliness.LATE;
		}
		return calendar.workingDaysBetween(today, due) <= 1 ? Timeliness.DUE_SOON : Timeliness.IN_TIME;
	}

	public LocalDate today() {
		return calendar.today();
	}

	/** The last working day on or before {@code day}'s next working day count (for due-soon queries): today + 1 working day. */
	public LocalDate dueSoonLimit(LocalDate today) {
		return calendar.addWorkingDays(today, 1);
	}

	/** Whether an appointment may be moved: it is due soon or already late. */
	public boolean dueSoonOrLate(@Nullable LocalDate due) {
		return due != null && !due.isAfter(dueSoonLimit(today()));
	}

	public boolean isWorkingDay(LocalDate day) {
		return calendar.isWorkingDay(day);
	}
}
