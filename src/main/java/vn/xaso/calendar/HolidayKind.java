package vn.xaso.calendar;

/** Why a date is listed in the holiday calendar. {@link #code()} is the value used in JSON. */
public enum HolidayKind {
	/** A public holiday defined by Bộ luật Lao động 2019 Điều 112 khoản 1. */
	HOLIDAY("holiday"),
	/** Nghỉ bù: a holiday fell on the weekly rest day (Điều 112 khoản 3). */
	COMPENSATORY("compensatory"),
	/** An extra day off announced by the government (e.g. a swapped working day before Tết). */
	ANNOUNCED_DAY_OFF("announced_day_off"),
	/** A day announced as a working day (làm bù), e.g. a Saturday, or a day that would otherwise be off. */
	ANNOUNCED_WORKING_DAY("announced_working_day");

	private final String code;

	HolidayKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public boolean isDayOff() {
		return this != ANNOUNCED_WORKING_DAY;
	}
}
