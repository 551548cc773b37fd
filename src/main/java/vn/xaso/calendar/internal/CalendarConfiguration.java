package vn.xaso.calendar.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.calendar.LunarCalendar;
import vn.xaso.calendar.WorkingCalendar;
import vn.xaso.platform.cluster.ReplicaSignals;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	LunarCalendar lunarCalendar() {
		return new LunarCalendar();
	}

	/**
	 * Each replica caches computed years; a change on one replica is announced to all (on commit, through
	 * PostgreSQL NOTIFY), and each drops the changed year. After a gap in listening, every year is dropped.
	 */
	@Bean
	WorkingCalendar workingCalendar(LunarCalendar lunar, JdbcClient jdbc, Clock clock, ReplicaSignals signals) {
		var calendar = new WorkingCalendar(new HolidayRules(lunar), new JdbcAdjustmentStore(jdbc, clock), clock);
		calendar.announceChangesTo(year -> signals.send(SIGNAL, Integer.toString(year)));
		signals.on(SIGNAL, message -> calendar.forgetLocally(
				message.equals(ReplicaSignals.EVERYTHING) ? WorkingCalendar.ALL_YEARS : Integer.parseInt(message)));
		return calendar;
	}

	static final String SIGNAL = "calendar";
}
