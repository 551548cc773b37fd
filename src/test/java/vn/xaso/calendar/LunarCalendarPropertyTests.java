package vn.xaso.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomised properties of the lunar calendar over 1900–2100, plain JUnit (no jqwik). The seed is fixed
 * and printed in every failure message, so a failure is reproducible: change {@link #SEED} to explore.
 */
class LunarCalendarPropertyTests {

	static final long SEED = 20_261_122L;
	static final int SAMPLES = 2_000;
	static final LunarCalendar lunar = new LunarCalendar();

	static Stream<LocalDate> randomDates() {
		var random = new Random(SEED);
		long first = LocalDate.of(1900, 1, 1).toEpochDay();
		long last = LocalDate.of(2100, 12, 31).toEpochDay();
		return Stream.generate(() -> LocalDate.ofEpochDay(first + random.nextLong(last - first + 1))).limit(SAMPLES);
	}

	static String why(LocalDate date) {
		return "seed=" + SEED + ", date=" + date;
	}

	@ParameterizedTest
	@MethodSource("randomDates")
	void solarToLunarToSolarRoundTrips(LocalDate date) {
		assertThat(lunar.toSolar(lunar.toLunar(date))).as(why(date)).isEqualTo(date);
	}

	@ParameterizedTest
	@MethodSource("randomDates")
	void theNextDayIncrementsTheLunarDayOrStartsAMonth(LocalDate date) {
		var today = lunar.toLunar(date);
		var tomorrow = lunar.toLunar(date.plusDays(1));
		if (tomorrow.day() == 1) {
			assertThat(today.day()).as(why(date)).isIn(29, 30);
		}
		else {
			assertThat(tomorrow).as(why(date))
				.isEqualTo(new LunarDate(today.year(), today.month(), today.day() + 1, today.leapMonth()));
		}
	}

	/**
	 * Independent check against the astronomy: the first day of each lunar month contains the new moon
	 * in Hanoi time. The new moon comes from Meeus' series as used in Ho Ngoc Duc's published algorithm,
	 * which is accurate to a few minutes, hence the 20-minute tolerance at either end of the day.
	 */
	@ParameterizedTest
	@MethodSource("randomDates")
	void dayOneOfEveryMonthIsTheNewMoonDayAtUtcPlus7(LocalDate date) {
		var lunarDate = lunar.toLunar(date);
		var monthStart = date.minusDays(lunarDate.day() - 1L);
		double startJd = monthStart.toEpochDay() + 2440587.5 - 7 / 24.0; // local midnight as a Julian date
		double tolerance = 20 / 1440.0;
		boolean found = false;
		long k0 = (long) Math.floor((startJd - 2415021.076998695) / 29.530588853);
		for (long k = k0 - 1; k <= k0 + 1; k++) {
			double moon = newMoon(k);
			found |= moon >= startJd - tolerance && moon < startJd + 1 + tolerance;
		}
		assertThat(found).as(why(date) + ": no new moon on " + monthStart + " (UTC+7)").isTrue();
	}

	@ParameterizedTest
	@MethodSource("randomDates")
	void monthsHave29Or30DaysAndYears12Or13Months(LocalDate date) {
		var d = lunar.toLunar(date);
		assertThat(lunar.monthLength(d.year(), d.month(), d.leapMonth())).as(why(date)).isIn(29, 30);
		int months = lunar.monthsInYear(d.year());
		assertThat(months).as(why(date)).isIn(12, 13);
		assertThat(months == 13).as(why(date)).isEqualTo(lunar.leapMonth(d.year()) != 0);
	}

	@ParameterizedTest
	@MethodSource("randomDates")
	void tetFallsBetween21JanuaryAnd20February(LocalDate date) {
		var tet = MonthDay.from(lunar.tet(date.getYear()));
		assertThat(tet).as(why(date)).isBetween(MonthDay.of(1, 21), MonthDay.of(2, 20));
	}

	/** Julian date (UT) of the k-th new moon after 1900-01-01, Meeus chapter 49 truncated. */
	static double newMoon(long k) {
		double t = k / 1236.85, t2 = t * t, t3 = t2 * t, dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
				+ 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m)
				- 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr) - 0.0004 * Math.sin(dr * 3 * mpr)
				+ 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr))
				- 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m))
				- 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr))
				+ 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
				: -0.000278 + 0.000265 * t + 0.000262 * t2;
		return jd1 + c1 - deltaT;
	}
}
