package vn.xaso.calendar.internal;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * ICU's Chinese calendar with the astronomy done at UTC+7 instead of China's UTC+8. New moons and
 * solar terms that fall between 23:00 and 24:00 Beijing time land on a different day in Hanoi, which
 * is why Tết 1985 is 21 January in Vietnam but 20 February in China. This is exactly how ICU's own
 * {@code DangiCalendar} does Korea at UTC+9. The calendar's display zone is GMT so that
 * {@code millis / 86 400 000} is the epoch day of the civil date we ask about.
 */
final class VietnameseIcuCalendar extends ChineseCalendar {

	private static final long serialVersionUID = 1L;

	static final TimeZone HANOI_ASTRONOMY = new SimpleTimeZone(7 * 3600 * 1000, "UTC+7");

	VietnameseIcuCalendar() {
		super(TimeZone.GMT_ZONE, new ULocale("vi_VN"), HANOI_ASTRONOMY);
	}
}
