package vn.xaso.feedback.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates the Vietnamese way for the feedback pages: 24/11/2026, 24/11/2026 08:15. */
public final class Dates {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private Dates() {
	}

	public static String day(LocalDate date) {
		return DAY.format(date);
	}

	public static String day(Instant instant) {
		return DAY.format(instant.atZone(VIETNAM));
	}

	public static String time(Instant instant) {
		return TIME.format(instant.atZone(VIETNAM));
	}
}
