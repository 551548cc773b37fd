package vn.xaso.meetings.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.NavLink;

/** The workspace cards: meetings, and the official's own tasks from meetings. */
@Configuration(proxyBeanMethods = false)
class MeetingsNav {

	@Bean
	NavLink meetingsCard() {
		return NavLink.official(40, "/meetings", "meetings.title", "meetings.cardText", Role.staffNames());
	}

	@Bean
	NavLink myTasksCard() {
		return NavLink.official(41, "/meetings/tasks", "meetings.tasks.title", "meetings.tasks.cardText", Role.staffNames());
	}
}
