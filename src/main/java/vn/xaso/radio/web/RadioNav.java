package vn.xaso.radio.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The radio card on the workspace (administrators and leaders). */
@Configuration(proxyBeanMethods = false)
class RadioNav {

	@Bean
	NavLink radioCard() {
		return NavLink.official(60, "/radio/admin", "radio.title", "radio.cardText", "ADMIN", "LEADER");
	}
}
