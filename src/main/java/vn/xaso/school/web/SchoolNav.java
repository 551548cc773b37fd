package vn.xaso.school.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** Workspace cards (the administrator's schools, the teacher's classes) and the parent's contact book card. */
@Configuration(proxyBeanMethods = false)
class SchoolNav {

	@Bean
	NavLink schoolsCard() {
		return NavLink.official(75, "/school/admin", "school.admin.title", "school.admin.card", "ADMIN");
	}

	@Bean
	NavLink classesCard() {
		return NavLink.official(5, "/school", "school.classes.title", "school.classes.card", "TEACHER");
	}

	@Bean
	NavLink contactBookCard() {
		return NavLink.citizen(45, "/citizen/so-lien-lac", "school.parent.title", "school.parent.card");
	}
}
