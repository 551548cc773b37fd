package vn.xaso.calendar.internal;

import java.util.List;

import vn.xaso.calendar.CalendarAdjustment;

/** Where announced adjustments live: the {@code calendar_adjustment} table, or memory in unit tests. */
public interface AdjustmentStore {

	List<CalendarAdjustment> forYear(int year);

	/** @throws IllegalArgumentException (in Vietnamese) if the date already has an adjustment */
	void add(CalendarAdjustment adjustment, String createdBy);

	/** Marks the date's live adjustment withdrawn (kept for the record); false if there was none. */
	default boolean withdraw(java.time.LocalDate date, String withdrawnBy) {
		throw new UnsupportedOperationException("withdraw");
	}
}
