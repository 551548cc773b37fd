package vn.xaso.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import vn.xaso.calendar.internal.AdjustmentStore;
import vn.xaso.calendar.internal.HolidayRules;

/**
 * Working days for public offices in Vietnam: Monday–Friday, minus the holidays of Điều 112 and their
 * compensatory days, with government announcements (calendar_adjustment) overriding both. Each year is
 * computed once and cached; adding an adjustment through {@link #addAdjustment} invalidates that year, and
 * tells the listener given to {@link #announceChangesTo} (the other replicas, through the platform's
 * replica signals), which then call {@link #forgetLocally}.
 * Supported years: 1900–2199.
 */
public class WorkingCalendar {

	/** {@link #forgetLocally} argument meaning every year. */
	public static final int ALL_YEARS = 0;

	private final HolidayRules rules;
	private final AdjustmentStore adjustments;
	private final Clock clock;
	private final ConcurrentHashMap<Integer, Map<LocalDate, Holiday>> years = new ConcurrentHashMap<>();
	private volatile IntConsumer changed = year -> {
	};

	public WorkingCalendar(HolidayRules rules, AdjustmentStore adjustments, Clock clock) {
		this.rules = rules;
		this.adjustments = adjustments;
		this.clock = clock;
	}

	/** Today in Vietnam, from the injected clock. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
	}

	public boolean isWorkingDay(LocalDate date) {
		var entry = year(date.getYear()).get(date);
		if (entry != null) {
			return !entry.kind().isDayOff();
		}
		return !HolidayRules.isWeekend(date);
	}

	/**
	 * The {@code days}-th working day after {@code from}, {@code from} itself not counted: a dossier received
	 * on Friday with a 1-working-day deadline is due on Monday, whatever day it was received.
	 * With {@code days == 0}: {@code from} if it is a working day, else the next working day.
	 */
	public LocalDate addWorkingDays(LocalDate from, int days) {
		if (days < 0) {
			throw CalendarException.of("calendar.error.negativeDays", String.valueOf(days));
		}
		var day = from;
		if (days == 0) {
			while (!isWorkingDay(day)) {
				day = day.plusDays(1);
			}
			return day;
		}
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * Working days in the half-open interval ({@code a}, {@code b}], so that
	 * {@code workingDaysBetween(a, addWorkingDays(a, n)) == n} for n ≥ 1; negative when {@code b} is before {@code a}.
	 */
	public int workingDaysBetween(LocalDate a, LocalDate b) {
		if (b.isBefore(a)) {
			return -workingDaysBetween(b, a);
		}
		LunarCalendar.checkYear(a.getYear(), "calendar.error.yearRange");
		int count = 0;
		for (var day = a.plusDays(1); !day.isAfter(b); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** Holidays, compensatory days and announcements of a year, in date order; one entry per date. */
	public List<Holiday> holidays(int year) {
		return List.copyOf(year(year).values());
	}

	/** Records a government announcement and forgets the cached year it changes. */
	public void addAdjustment(CalendarAdjustment adjustment, String createdBy) {
		adjustments.add(adjustment, createdBy);
		years.remove(adjustment.date().getYear());
		changed.accept(adjustment.date().getYear());
	}

	/** Withdraws the date's announcement (kept, marked withdrawn); false if the date had none. */
	public boolean withdrawAdjustment(LocalDate date, String withdrawnBy) {
		var done = adjustments.withdraw(date, withdrawnBy);
		years.remove(date.getYear());
		if (done) {
			changed.accept(date.getYear());
		}
		return done;
	}

	/** Forgets every cached year, e.g. after adjustments were loaded with plain SQL. */
	public void refresh() {
		years.clear();
		changed.accept(ALL_YEARS);
	}

	/**
	 * Called with the changed year ({@link #ALL_YEARS}: any) after each change made here; inside a
	 * transaction the listener's own work joins it.
	 */
	public void announceChangesTo(IntConsumer listener) {
		this.changed = listener;
	}

	/** Forgets a cached year ({@link #ALL_YEARS}: all) because it changed elsewhere; tells no one. */
	public void forgetLocally(int year) {
		if (year == ALL_YEARS) {
			years.clear();
		}
		else {
			years.remove(year);
		}
	}

	private Map<LocalDate, Holiday> year(int year) {
		LunarCalendar.checkYear(year, "calendar.error.yearRange");
		return years.computeIfAbsent(year, this::compute);
	}

	private Map<LocalDate, Holiday> compute(int year) {
		var byDate = new LinkedHashMap<LocalDate, Holiday>();
		rules.forYear(year).forEach(h -> byDate.put(h.date(), h));
		for (var adjustment : adjustments.forYear(year)) {
			if (adjustment.kind() == CalendarAdjustment.Kind.WORKING_DAY) {
				// An announced working day wins over the rule-based day off it replaces.
				byDate.put(adjustment.date(), new Holiday(adjustment.date(), adjustment.note(), "Announced working day",
						HolidayKind.ANNOUNCED_WORKING_DAY));
			}
			else {
				byDate.putIfAbsent(adjustment.date(), new Holiday(adjustment.date(), adjustment.note(),
						"Announced day off", HolidayKind.ANNOUNCED_DAY_OFF));
			}
		}
		var sorted = new ArrayList<>(byDate.values());
		sorted.sort(Comparator.comparing(Holiday::date));
		var result = new LinkedHashMap<LocalDate, Holiday>();
		sorted.forEach(h -> result.put(h.date(), h));
		return java.util.Collections.unmodifiableMap(result);
	}
}
