package vn.xaso.health.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The doctors' desk card and the citizen's "ask the doctor" and "vaccinations and appointments" cards. */
@Configuration(proxyBeanMethods = false)
class HealthNav {

	@Bean
	NavLink doctorsCard() {
		return NavLink.official(5, "/health", "health.desk.title", "health.desk.card", "DOCTOR");
	}

	@Bean
	NavLink citizenQuestionsCard() {
		return NavLink.citizen(40, "/citizen/hoi-bac-si", "health.mine.title", "health.mine.card");
	}

	@Bean
	NavLink citizenCalendarCard() {
		return NavLink.citizen(41, "/citizen/lich-kham", "health.calendar.title", "health.calendar.card");
	}
}
