package vn.xaso.calendar.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.calendar.LunarCalendar;
import vn.xaso.calendar.WorkingCalendar;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Only if no other module defines one: tests and the platform may supply a fixed clock. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(VIETNAM);
	}

	@Bean
	LunarCalendar lunarCalendar() {
		return new LunarCalendar();
	}

	@Bean
	WorkingCalendar workingCalendar(LunarCalendar lunar, JdbcClient jdbc, Clock clock) {
		return new WorkingCalendar(new HolidayRules(lunar), new JdbcAdjustmentStore(jdbc, clock), clock);
	}
}
