package vn.xaso.notify.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The notify cards: the citizen's "how I get news" page, the officials' delivery log. */
@Configuration(proxyBeanMethods = false)
class NotifyNav {

	@Bean
	NavLink notifyCitizenCard() {
		return NavLink.citizen(60, "/citizen/notifications", "notify.prefs.title", "notify.prefs.card");
	}

	@Bean
	NavLink notifyLogCard() {
		return NavLink.official(60, "/notify/log", "notify.log.title", "notify.log.card", "ADMIN", "LEADER");
	}
}
