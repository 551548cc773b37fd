package vn.xaso.cameras.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The workspace cards: the commune's cameras; the police post's incidents. */
@Configuration(proxyBeanMethods = false)
class CameraNav {

	@Bean
	NavLink camerasCard() {
		return NavLink.official(74, "/cameras", "cameras.title", "cameras.cardText", "ADMIN", "POLICE_POST", "PRODUCER");
	}

	@Bean
	NavLink incidentsCard() {
		return NavLink.official(75, "/cameras/incidents", "cameras.incidents.title", "cameras.incidents.cardText", "POLICE_POST");
	}
}
