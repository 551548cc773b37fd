package vn.xaso.farm.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The workspace card: the commune's farms (staff) or the farmer's own farms. */
@Configuration(proxyBeanMethods = false)
class FarmNav {

	@Bean
	NavLink farmCard() {
		return NavLink.official(72, "/farm", "farm.title", "farm.cardText", "ADMIN", "LEADER", "SPECIALIST", "PRODUCER");
	}
}
