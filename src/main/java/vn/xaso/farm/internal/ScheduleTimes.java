package vn.xaso.farm.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.xaso.farm.FarmException;

/**
 * The times of a schedule (a named policy, no Spring): read from what the farmer types — "06:00, 11:00, 17:00",
 * "6h 11h30 17h", "6:00; 17:00" — as up to 24 distinct times of the day in Vietnam time (no daylight saving there);
 * the slots due at a moment: each slot in the last {@code grace} (an instance that was down longer does not feed the
 * pigs hours late) and not before the schedule existed; the next slot after a moment, skipped days left out.
 */
final class ScheduleTimes {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
	static final int MAX = 24;
	private static final Pattern ONE = Pattern.compile("([01]?[0-9]|2[0-3])\\s*(?:[:hg.]\\s*([0-5][0-9])?)?");

	private ScheduleTimes() {
	}

	/** The typed times, in order, or a refusal of the field {@code times}. */
	static List<LocalTime> parse(@Nullable String typed) {
		var text = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
		if (text.isEmpty() || text.length() > 300) {
			throw new FarmException("times", "farm.error.times");
		}
		var times = new TreeSet<LocalTime>();
		for (var part : text.split("[,;\\s]+(?=[0-9])")) {
			var m = ONE.matcher(part.strip());
			if (!m.matches()) {
				throw new FarmException("times", "farm.error.times");
			}
			times.add(LocalTime.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
		}
		if (times.size() > MAX) {
			throw new FarmException("times", "farm.error.timesMany", MAX);
		}
		return List.copyOf(times);
	}

	/** As stored: "06:00 11:00 17:00". */
	static String format(List<LocalTime> times) {
		return times.stream().map(ScheduleTimes::hhmm).collect(Collectors.joining(" "));
	}

	static List<LocalTime> read(String stored) {
		var list = new ArrayList<LocalTime>();
		for (var t : stored.split(" ")) {
			list.add(LocalTime.parse(t));
		}
		return List.copyOf(list);
	}

	static String hhmm(LocalTime time) {
		return String.format(java.util.Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
	}

	/** The slots in (now − grace, now] that are not before {@code since}, oldest first. */
	static List<Instant> due(List<LocalTime> times, Instant since, Instant now, Duration grace) {
		var from = now.minus(grace);
		var slots = new ArrayList<Instant>();
		var today = LocalDate.ofInstant(now, ZONE);
		for (var day : List.of(today.minusDays(1), today)) {
			for (var time : times) {
				var slot = day.atTime(time).atZone(ZONE).toInstant();
				if (slot.isAfter(from) && !slot.isAfter(now) && !slot.isBefore(since)) {
					slots.add(slot);
				}
			}
		}
		return slots;
	}

	/** The next slot after {@code now} on a day not skipped (within a year), or null. */
	static @Nullable Instant next(List<LocalTime> times, Set<LocalDate> skipped, Instant now) {
		var day = LocalDate.ofInstant(now, ZONE);
		for (int i = 0; i < 366 && !times.isEmpty(); i++, day = day.plusDays(1)) {
			if (skipped.contains(day)) {
				continue;
			}
			for (var time : times) {
				var slot = day.atTime(time).atZone(ZONE).toInstant();
				if (slot.isAfter(now)) {
					return slot;
				}
			}
		}
		return null;
	}

	/** The Vietnam date of a slot (for the skipped days). */
	static LocalDate day(Instant slot) {
		return LocalDate.ofInstant(slot, ZONE);
	}
}
