package vn.xaso.calendar;

import java.time.LocalDate;

/** One dated entry of the holiday calendar, named in Vietnamese and English. */
public record Holiday(LocalDate date, String name, String nameEn, HolidayKind kind) {
}
