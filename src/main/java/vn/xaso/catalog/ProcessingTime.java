package vn.xaso.catalog;

import java.time.LocalTime;

/**
 * How long a procedure takes. The catalogue stores the rule; the dossiers module computes due
 * dates with the working calendar (a dossier received after {@link #cutoff()} counts from the next
 * working day).
 */
public record ProcessingTime(int amount, Kind kind, LocalTime cutoff) {

	public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(15, 0);

	public enum Kind {
		/** Trong ngày: result the same working day (next working day when received after the cutoff). */
		SAME_DAY,
		/** A number of working hours. */
		WORKING_HOURS,
		/** A number of working days. */
		WORKING_DAYS
	}

	public ProcessingTime {
		if (kind == Kind.SAME_DAY) {
			amount = 0;
		}
		else if (amount < 1 || amount > 365) {
			throw new IllegalArgumentException("processing time out of range: " + amount);
		}
	}

	public ProcessingTime(int amount, Kind kind) {
		this(amount, kind, DEFAULT_CUTOFF);
	}

	public static ProcessingTime sameDay() {
		return new ProcessingTime(0, Kind.SAME_DAY, DEFAULT_CUTOFF);
	}

	public static ProcessingTime workingDays(int days) {
		return new ProcessingTime(days, Kind.WORKING_DAYS, DEFAULT_CUTOFF);
	}

	/** In plain Vietnamese, e.g. "Trong ngày (nộp sau 15:00 thì trả ngày làm việc tiếp theo)". */
	public String describe() {
		return describe(java.util.Locale.ROOT);
	}

	/** In {@code locale} (the catalog bundle's {@code catalog.time.<KIND>}). */
	public String describe(java.util.Locale locale) {
		var at = String.format("%02d:%02d", cutoff.getHour(), cutoff.getMinute());
		return vn.xaso.platform.Refusal.textIn(CatalogException.BUNDLE, locale, "catalog.time." + kind.name(),
				kind == Kind.SAME_DAY ? at : String.valueOf(amount));
	}
}
