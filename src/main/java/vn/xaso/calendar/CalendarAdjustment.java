package vn.xaso.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A government announcement for one date: an extra day off or a working day (nghỉ bù / làm bù).
 * Announcements override the rules of Điều 112 for that date.
 */
public record CalendarAdjustment(LocalDate date, Kind kind, String note) {

	public static final int MAX_NOTE_LENGTH = 300;

	public enum Kind {
		DAY_OFF("day_off"), WORKING_DAY("working_day");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		public static Kind fromCode(String code) {
			for (var kind : values()) {
				if (kind.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
					return kind;
				}
			}
			throw CalendarException.of("calendar.error.kind", code);
		}
	}

	public CalendarAdjustment {
		LunarCalendar.checkYear(date.getYear(), "calendar.error.yearRange");
		if (note.isBlank()) {
			throw CalendarException.of("calendar.error.noteBlank");
		}
		note = note.strip();
		if (note.length() > MAX_NOTE_LENGTH) {
			throw CalendarException.of("calendar.error.noteLong", String.valueOf(MAX_NOTE_LENGTH));
		}
	}
}
