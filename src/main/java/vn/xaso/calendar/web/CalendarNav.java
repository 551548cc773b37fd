package vn.xaso.calendar.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The national calendar administrator's card on the workspace (commune administrators reach it from /admin). */
@Configuration(proxyBeanMethods = false)
class CalendarNav {

	@Bean
	NavLink nationalCalendarCard() {
		return NavLink.official(90, "/admin/calendar", "admin.calendar", "admin.calendarText", "NATIONAL_ADMIN");
	}
}
