package vn.xaso.meetings.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Vietnamese of the papers and messages the meetings module writes — the Giấy mời's body, the minutes PDF, the text
 * messages, the signature's reason — from {@code i18n/meetings}: administrative papers are Vietnamese whatever the
 * reader's language, so these are always resolved in Vietnamese.
 */
@Component
class PaperTexts {

	static final Locale VI = Locale.forLanguageTag("vi");
	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	PaperTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The Vietnamese message {@code key} with its arguments (pass numbers as text: no grouping marks). */
	String vi(String key, Object... args) {
		return messages.getMessage(key, args, VI);
	}

	/** "08:00 ngày 14/12/2026" in Vietnam's time. */
	String when(Instant at) {
		var local = at.atZone(MeetingWork.VIETNAM);
		return vi("meetings.text.when", HOUR.format(local), DAY.format(local));
	}

	/** "08 giờ 00 phút, ngày 14 tháng 12 năm 2026" in Vietnam's time, as minutes write it. */
	String longWhen(Instant at) {
		var local = at.atZone(MeetingWork.VIETNAM);
		return vi("meetings.pdf.when", two(local.getHour()), two(local.getMinute()), two(local.getDayOfMonth()), two(local.getMonthValue()),
				String.valueOf(local.getYear()));
	}

	static String day(java.time.LocalDate date) {
		return DAY.format(date);
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : String.valueOf(n);
	}
}
