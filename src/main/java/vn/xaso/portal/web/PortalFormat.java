package vn.xaso.portal.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Dates and small texts as the portal templates show them, in Vietnam time. */
public final class PortalFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(CommuneSiteController.VIETNAM);
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CommuneSiteController.VIETNAM);
	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(CommuneSiteController.VIETNAM);

	private PortalFormat() {
	}

	public static String dateTime(@Nullable Instant t) {
		return t == null ? "" : DATE_TIME.format(t);
	}

	public static String date(@Nullable Instant t) {
		return t == null ? "" : DATE.format(t);
	}

	public static String iso(@Nullable Instant t) {
		return t == null ? "" : ISO.format(t);
	}

	public static String day(LocalDate d) {
		return d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	public static String weekday(LocalDate d, boolean english) {
		if (english) {
			return d.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
		}
		return d.getDayOfWeek() == DayOfWeek.SUNDAY ? "Chủ nhật" : "Thứ " + switch (d.getDayOfWeek()) {
			case MONDAY -> "Hai";
			case TUESDAY -> "Ba";
			case WEDNESDAY -> "Tư";
			case THURSDAY -> "Năm";
			case FRIDAY -> "Sáu";
			default -> "Bảy";
		};
	}

	/** The first lines of a text for a list. */
	public static String excerpt(String summary, String body) {
		return Feeds.abbreviate(summary.isEmpty() ? body.replace('\n', ' ') : summary, 220);
	}

	/** Paragraphs of a plain-text body (blank lines separate them). */
	public static java.util.List<String> paragraphs(String body) {
		return java.util.Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public static String size(int bytes) {
		return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
	}
}
